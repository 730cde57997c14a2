import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  Injector,
  untracked,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { Icon } from '../shared/icons/icon.component';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { IsolatedListPipe } from '../i18n/isolated-list.pipe';
import { LanguageService } from '../i18n/language.service';
import { EmptyState } from '../shared/empty-state.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { LiveError } from '../shared/live-error.component';
import { LoadMore } from '../shared/load-more.component';
import { Notifier } from '../shared/notifier.service';
import { AREAS, GROUPS, LANGUAGES, languageName } from './expert-labels';
import type { RosterFilter } from './experts.api';
import { EMPTY_ROSTER_FILTER, RosterStore } from './roster.store';
import { TextDialog, type TextDialogData } from './text.dialog';

/** The officers' roster: search, filters, the experts a page at a time, inviting one more. */
@Component({
  selector: 'cv-roster-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    Icon,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    EmptyState,
    LiveError,
    LoadMore,
    IsolatedListPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './experts.scss',
  template: `
    <header class="cv-page-header">
      <div>
        <h1 class="cv-page-title">{{ 'experts.roster.title' | transloco }}</h1>
        <p class="cv-page-intro">{{ 'experts.roster.intro' | transloco }}</p>
      </div>
      <button mat-flat-button type="button" (click)="invite()">
        <mat-icon svgIcon="person_add" />
        {{ 'experts.roster.invite' | transloco }}
      </button>
    </header>

    <mat-card appearance="outlined" class="cv-panel">
      <form class="experts-filters" [formGroup]="filters" (ngSubmit)="search()" role="search">
        <mat-form-field appearance="outline" class="experts-filters__search">
          <mat-label>{{ 'experts.roster.search' | transloco }}</mat-label>
          <input matInput formControlName="q" type="search" dir="auto" />
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'experts.fields.area' | transloco }}</mat-label>
          <mat-select formControlName="area">
            <mat-option [value]="null">{{ 'experts.roster.any' | transloco }}</mat-option>
            @for (area of areas; track area) {
              <mat-option [value]="area">{{
                'events.thematicAreas.' + area | transloco
              }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'experts.fields.language' | transloco }}</mat-label>
          <mat-select formControlName="language">
            <mat-option [value]="null">{{ 'experts.roster.any' | transloco }}</mat-option>
            @for (code of languages; track code) {
              <mat-option [value]="code">{{ name(code) }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'experts.fields.regionalGroup' | transloco }}</mat-label>
          <mat-select formControlName="regionalGroup">
            <mat-option [value]="null">{{ 'experts.roster.any' | transloco }}</mat-option>
            @for (group of groups; track group) {
              <mat-option [value]="group">{{ 'regions.' + group | transloco }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'experts.roster.availableFrom' | transloco }}</mat-label>
          <input matInput type="date" formControlName="availableFrom" />
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'experts.roster.availableTo' | transloco }}</mat-label>
          <input matInput type="date" formControlName="availableTo" />
        </mat-form-field>
        <div class="experts-filters__actions">
          <button mat-flat-button type="submit">
            <mat-icon svgIcon="search" />
            {{ 'experts.roster.apply' | transloco }}
          </button>
          @if (store.filtered()) {
            <button mat-button type="button" (click)="clear()">
              {{ 'experts.roster.clear' | transloco }}
            </button>
          }
        </div>
      </form>
    </mat-card>

    @if (store.status() === 'loading') {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
    }
    @if (store.status() === 'error') {
      <cv-live-error [problem]="store.problem()" />
      <button mat-stroked-button type="button" (click)="store.reload()">
        {{ 'common.retry' | transloco }}
      </button>
    } @else if (store.status() === 'loaded' && store.experts().length === 0) {
      <mat-card appearance="outlined" class="cv-panel">
        <cv-empty-state
          icon="person_search"
          [title]="
            (store.filtered() ? 'experts.roster.noMatch' : 'experts.roster.empty') | transloco
          "
        />
      </mat-card>
    } @else {
      <ul class="experts-roster" [attr.aria-label]="'experts.roster.title' | transloco">
        @for (expert of store.experts(); track expert.userId) {
          <li class="experts-roster__item">
            <a class="cv-link experts-roster__name" [routerLink]="[expert.userId]"
              ><bdi>{{ expert.name }}</bdi></a
            >
            @if (expert.organisation) {
              <span class="experts-roster__org"
                ><bdi>{{ expert.organisation }}</bdi></span
              >
            }
            <span class="cv-muted experts-roster__meta">
              @if (expert.nationality) {
                <span class="cv-code">{{ expert.nationality }}</span> ·
              }
              {{ names(expert.languages) | isolatedList: language() }}
            </span>
            <span class="experts-roster__areas">
              @for (area of expert.thematicAreas; track area) {
                <span class="cv-badge">{{ 'events.thematicAreas.' + area | transloco }}</span>
              }
            </span>
            <span class="cv-muted">
              {{ 'experts.roster.served' | transloco: { count: expert.eventsServed } }}
            </span>
          </li>
        }
      </ul>
      <cv-load-more
        [hasMore]="!!store.nextCursor()"
        [loading]="store.loadingMore()"
        (more)="store.loadMore()"
      />
    }
  `,
})
export class RosterPage {
  protected readonly store = inject(RosterStore);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly notifier = inject(Notifier);
  protected readonly language = inject(LanguageService).language;
  protected readonly areas = AREAS;
  protected readonly groups = GROUPS;
  protected readonly languages = LANGUAGES;

  protected readonly filters = new FormGroup({
    q: new FormControl('', { nonNullable: true }),
    area: new FormControl<string | null>(null),
    language: new FormControl<string | null>(null),
    regionalGroup: new FormControl<string | null>(null),
    availableFrom: new FormControl<string | null>(null),
    availableTo: new FormControl<string | null>(null),
  });

  constructor() {
    effect(() => {
      if (this.store.tenantSlug()) untracked(() => this.store.search(this.store.filter()));
    });
  }

  protected name(code: string): string {
    return languageName(code, this.language());
  }

  protected names(languages: readonly { language: string }[]): string[] {
    return languages.map((item) => this.name(item.language));
  }

  protected search(): void {
    const value = this.filters.getRawValue();
    const filter: RosterFilter = {
      ...value,
      availableFrom: value.availableFrom || null,
      availableTo: value.availableTo || null,
    };
    this.store.search(filter);
  }

  protected clear(): void {
    this.filters.reset(EMPTY_ROSTER_FILTER);
    this.store.search(EMPTY_ROSTER_FILTER);
  }

  protected async invite(): Promise<void> {
    const data: TextDialogData = {
      titleKey: 'experts.invite.title',
      introKey: 'experts.invite.intro',
      labelKey: 'common.email',
      submitKey: 'experts.invite.submit',
      kind: 'email',
      submit: (email) => this.store.invite(email),
    };
    const sent = await firstValueFrom(
      this.dialog
        .open(TextDialog, { data, injector: this.injector, width: '480px', maxWidth: '95vw' })
        .afterClosed(),
    );
    if (sent) this.notifier.success('experts.invite.done');
  }
}
