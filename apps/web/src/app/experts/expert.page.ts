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
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { Icon } from '../shared/icons/icon.component';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import type { ExpertDetail, ExpertProfileInput, ProblemDetails } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { PanelLoad } from '../home/home-panel';
import { PanelState } from '../home/panel-state.component';
import { toProblem } from '../http/problem';
import { LanguageService } from '../i18n/language.service';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { LiveError } from '../shared/live-error.component';
import { LocalDatePipe } from '../shared/local-format';
import { Notifier } from '../shared/notifier.service';
import { ExpertsApi } from './experts.api';
import { ExpertCvSection } from './expert-cv.component';
import { ExpertProfileForm } from './profile-form.component';

/** One expert, for officers: the profile to keep, the notes experts never see, events served. */
@Component({
  selector: 'cv-expert-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    Icon,
    MatInputModule,
    TranslocoPipe,
    LiveError,
    LocalDatePipe,
    PanelState,
    ExpertProfileForm,
    ExpertCvSection,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './experts.scss',
  template: `
    <a class="cv-link" [routerLink]="['/t', tenant(), 'experts']">
      <mat-icon class="cv-icon-directional" aria-hidden="true" svgIcon="arrow_back" />
      {{ 'experts.roster.back' | transloco }}
    </a>
    <cv-panel-state [load]="expert">
      @if (expert.value(); as detail) {
        <header class="cv-page-header">
          <div>
            <h1 class="cv-page-title">
              <bdi>{{ detail.profile.name }}</bdi>
            </h1>
            <p class="cv-page-intro">
              <bdi>{{ detail.profile.email }}</bdi>
            </p>
          </div>
        </header>
        <div class="experts-columns">
          <mat-card appearance="outlined" class="cv-panel">
            <h2 class="cv-panel-title">{{ 'experts.profile.title' | transloco }}</h2>
            <cv-expert-profile-form [profile]="detail.profile" [save]="saveProfile" />
          </mat-card>
          <div>
            <mat-card appearance="outlined" class="cv-panel">
              <cv-expert-cv [path]="'/api/t/' + tenant() + '/experts/' + userId() + '/cv'" />
            </mat-card>
            <mat-card appearance="outlined" class="cv-panel">
              <h2 class="cv-panel-title">{{ 'experts.notes.title' | transloco }}</h2>
              <p class="cv-muted">{{ 'experts.notes.intro' | transloco }}</p>
              <form (ngSubmit)="saveNotes(detail)">
                <mat-form-field appearance="outline" class="cv-full-width">
                  <mat-label>{{ 'experts.notes.label' | transloco }}</mat-label>
                  <textarea
                    matInput
                    [formControl]="notes"
                    rows="5"
                    dir="auto"
                    maxlength="5000"
                  ></textarea>
                </mat-form-field>
                <cv-live-error [problem]="notesProblem()" />
                <button mat-stroked-button type="submit" [disabled]="savingNotes()">
                  {{ 'experts.notes.save' | transloco }}
                </button>
              </form>
            </mat-card>
            <mat-card appearance="outlined" class="cv-panel">
              <h2 class="cv-panel-title">{{ 'experts.served.title' | transloco }}</h2>
              @if (detail.events.length === 0) {
                <p class="cv-muted">{{ 'experts.served.none' | transloco }}</p>
              } @else {
                <ul class="experts-list">
                  @for (event of detail.events; track event.eventId) {
                    <li>
                      <a class="cv-link" [routerLink]="['/t', tenant(), 'events', event.eventId]"
                        ><bdi>{{ event.title }}</bdi></a
                      >
                      <span class="cv-muted">
                        {{ event.startsAt | localDate: 'mediumDate' : language() }} ·
                        @for (role of event.roles; track role; let last = $last) {
                          {{ 'experts.roles.' + role | transloco }}{{ last ? '' : ', ' }}
                        }
                      </span>
                    </li>
                  }
                </ul>
              }
            </mat-card>
          </div>
        </div>
      }
    </cv-panel-state>
  `,
})
export class ExpertPage {
  readonly tenant = input.required<string>();
  readonly userId = input.required<string>();
  private readonly api = inject(ExpertsApi);
  private readonly notifier = inject(Notifier);
  protected readonly language = inject(LanguageService).language;
  private readonly key = computed(() => `${this.tenant()}/${this.userId()}`);
  protected readonly expert = new PanelLoad<ExpertDetail>(this.key, () =>
    this.api.detail(this.tenant(), this.userId()),
  );
  protected readonly notes = new FormControl('', { nonNullable: true });
  protected readonly savingNotes = signal(false);
  protected readonly notesProblem = signal<ProblemDetails | null>(null);

  constructor() {
    // The notes field follows the expert loaded.
    effect(() => {
      const value = this.expert.value();
      if (value) untracked(() => this.notes.setValue(value.notes.notes));
    });
  }

  protected readonly saveProfile = (profile: ExpertProfileInput) =>
    firstValueFrom(this.api.saveProfile(this.tenant(), this.userId(), profile));

  protected async saveNotes(detail: ExpertDetail): Promise<void> {
    if (this.savingNotes()) return;
    this.savingNotes.set(true);
    this.notesProblem.set(null);
    try {
      const saved = await firstValueFrom(
        this.api.saveNotes(this.tenant(), detail.profile.userId, this.notes.value),
      );
      this.notes.setValue(saved.notes);
      this.notifier.success('experts.notes.saved');
    } catch (error) {
      this.notesProblem.set(toProblem(error));
    } finally {
      this.savingNotes.set(false);
    }
  }
}
