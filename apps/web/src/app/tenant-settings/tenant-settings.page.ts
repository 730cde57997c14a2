import { HttpClient } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { ProblemDetails, TenantSettings } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { fetched } from '../documents/fetched';
import { toProblem } from '../http/problem';
import { LanguageService } from '../i18n/language.service';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { Icon } from '../shared/icons/icon.component';
import { LiveError } from '../shared/live-error.component';
import { Notifier } from '../shared/notifier.service';
import { RouterLink } from '@angular/router';
import { RetentionPanel } from './retention.panel';

const MiB = 1024 * 1024;

/**
 * The tenant's settings, for its admins: the largest file one upload may be (documents and CVs),
 * in MB, between 1 MB and the server's own ceiling, which the API enforces as well; and how long
 * personal data is kept (RetentionPanel).
 */
@Component({
  selector: 'cv-tenant-settings-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    Icon,
    LiveError,
    RetentionPanel,
    RouterLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="cv-page-title">{{ 'settings.title' | transloco }}</h1>
    <p class="cv-page-intro">{{ 'settings.intro' | transloco }}</p>
    <mat-card appearance="outlined" class="cv-panel settings-panel">
      <h2 class="cv-panel-title">
        <mat-icon svgIcon="upload_file" aria-hidden="true" />
        {{ 'settings.uploads.title' | transloco }}
      </h2>
      @if (settings.isLoading() && !settings.hasValue()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      } @else if (settings.error()) {
        <cv-live-error [problem]="loadProblem()" />
      } @else if (settings.hasValue()) {
        <form (ngSubmit)="save()">
          <mat-form-field class="settings-field">
            <mat-label>{{ 'settings.uploads.label' | transloco }}</mat-label>
            <input
              matInput
              type="number"
              inputmode="numeric"
              min="1"
              [max]="serverMaxMb()"
              step="1"
              data-testid="settings-max-mb"
              [formControl]="megabytes"
            />
            <mat-hint>{{ 'settings.uploads.hint' | transloco: { max: serverMaxMb() } }}</mat-hint>
            @if (megabytes.invalid) {
              <mat-error>{{
                'settings.uploads.range' | transloco: { max: serverMaxMb() }
              }}</mat-error>
            }
          </mat-form-field>
          <cv-live-error [problem]="problem()" />
          <button mat-flat-button type="submit" [disabled]="saving()">
            {{ 'settings.save' | transloco }}
          </button>
        </form>
      }
    </mat-card>
    <cv-retention-panel [tenant]="tenant()" />
    <mat-card appearance="outlined" class="cv-panel settings-panel">
      <h2 class="cv-panel-title">
        <mat-icon svgIcon="person_search" aria-hidden="true" />
        {{ 'privacy.people.title' | transloco }}
      </h2>
      <p>{{ 'privacy.people.intro' | transloco }}</p>
      <a mat-stroked-button class="people-link" routerLink="people" data-testid="people-link">
        {{ 'privacy.people.open' | transloco }}
      </a>
    </mat-card>
  `,
  styles: `
    :host {
      display: grid;
      gap: 16px;
    }
    .settings-panel {
      max-inline-size: 48rem;
    }
    .people-link {
      align-self: flex-start;
      display: inline-flex;
    }
    .cv-panel-title {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .settings-field {
      display: block;
      max-inline-size: 20rem;
      margin-block-end: 16px;
    }
  `,
})
export class TenantSettingsPage {
  readonly tenant = input.required<string>();

  private readonly http = inject(HttpClient);
  private readonly notifier = inject(Notifier);
  protected readonly language = inject(LanguageService).language;

  protected readonly settings = fetched<TenantSettings>(() => `/api/t/${this.tenant()}/settings`);
  protected readonly serverMaxMb = computed(() =>
    this.settings.hasValue() ? Math.floor(this.settings.value().serverMaxBytes / MiB) : 1,
  );
  protected readonly megabytes = new FormControl<number | null>(null, {
    validators: [Validators.required, Validators.min(1), Validators.pattern(/^\d+$/)],
  });
  protected readonly saving = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly loadProblem = computed(() =>
    this.settings.error() ? toProblem(this.settings.error()) : null,
  );

  constructor() {
    effect(() => {
      if (!this.settings.hasValue()) return;
      const current = this.settings.value();
      untracked(() => {
        this.megabytes.setValue(Math.round(current.documentMaxBytes / MiB));
        this.megabytes.setValidators([
          Validators.required,
          Validators.min(1),
          Validators.max(Math.floor(current.serverMaxBytes / MiB)),
          Validators.pattern(/^\d+$/),
        ]);
        this.megabytes.updateValueAndValidity();
      });
    });
  }

  protected async save(): Promise<void> {
    this.megabytes.markAsTouched();
    if (this.megabytes.invalid || this.saving() || !this.settings.hasValue()) return;
    this.saving.set(true);
    this.problem.set(null);
    try {
      await firstValueFrom(
        this.http.put<TenantSettings>(`/api/t/${this.tenant()}/settings`, {
          documentMaxBytes: Number(this.megabytes.value) * MiB,
          version: this.settings.value().version,
        }),
      );
      this.notifier.success('settings.saved');
      this.settings.reload();
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.saving.set(false);
    }
  }
}
