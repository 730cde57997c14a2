import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { HttpErrorResponse } from '@angular/common/http';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { StateOverview } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { selectCurrentMembership } from '../auth/auth.selectors';
import { fetched } from '../documents/fetched';
import { toProblem } from '../http/problem';
import { LanguageService } from '../i18n/language.service';
import { countryName } from '../member-states/country-name';
import { EmptyState } from '../shared/empty-state.component';
import { Icon } from '../shared/icons/icon.component';
import { LiveError } from '../shared/live-error.component';
import { LocalCountPipe, LocalDatePipe } from '../shared/local-format';
import { citation } from '../recommendations/recommendation-labels';
import { reportUrls } from './reports.api';

/**
 * A State's page: participants trained by sex, invitations, its events and the recommendations
 * addressed to it. Officers and admins open any State; a focal point their own (the API says 403
 * otherwise, and the page says why). Requests, assessments and deliveries add sections here.
 */
@Component({
  selector: 'cv-state-page',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatProgressBarModule,
    RouterLink,
    TranslocoPipe,
    EmptyState,
    Icon,
    LiveError,
    LocalCountPipe,
    LocalDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (refused()) {
      <cv-empty-state
        icon="lock"
        [pageHeading]="true"
        [title]="'reports.state.refused' | transloco"
        [body]="'reports.state.refusedBody' | transloco"
      />
    } @else {
      <header class="cv-page-header">
        <div>
          <h1 class="cv-page-title">{{ name() }}</h1>
          <p class="cv-page-intro">{{ 'reports.state.intro' | transloco }}</p>
        </div>
        @if (officer()) {
          <div>
            <a mat-stroked-button routerLink="../../reports/map">
              <mat-icon svgIcon="public" />
              {{ 'reports.map.open' | transloco }}
            </a>
          </div>
        }
      </header>
      <div aria-live="polite" class="state-status">
        @if (data.isLoading()) {
          <mat-progress-bar
            mode="indeterminate"
            [attr.aria-label]="'reports.loading' | transloco"
          />
        }
      </div>
      <cv-live-error [problem]="problem()" />

      @if (data.hasValue()) {
        @let page = data.value();
        <div class="state-figures">
          <mat-card appearance="outlined" class="cv-panel">
            <h2 class="cv-panel-title">{{ 'reports.state.participants' | transloco }}</h2>
            <p class="state-big">{{ page.participants.total | localCount: language() }}</p>
            <ul class="state-bars">
              @for (entry of page.participants.bySex; track entry.key) {
                <li>
                  <span class="state-bars__label">{{
                    'participation.sexes.' + entry.key | transloco
                  }}</span>
                  <span class="state-bars__track" aria-hidden="true">
                    <span
                      class="state-bars__bar"
                      [style.inline-size.%]="share(entry.count, page.participants.total)"
                    ></span>
                  </span>
                  <span class="state-bars__value">{{ entry.count | localCount: language() }}</span>
                </li>
              }
            </ul>
            <p class="state-note">
              @if (page.participants.womenShare === null) {
                {{ 'reports.state.noneTrained' | transloco }}
              } @else {
                {{
                  'reports.state.womenShare'
                    | transloco: { share: percent(page.participants.womenShare) }
                }}
              }
            </p>
          </mat-card>
          <mat-card appearance="outlined" class="cv-panel">
            <h2 class="cv-panel-title">{{ 'reports.state.invitations' | transloco }}</h2>
            <p class="state-big">{{ page.invitations.total | localCount: language() }}</p>
            <dl class="state-counts">
              <div>
                <dt>{{ 'participation.invitationStatuses.accepted' | transloco }}</dt>
                <dd>{{ page.invitations.accepted | localCount: language() }}</dd>
              </div>
              <div>
                <dt>{{ 'participation.invitationStatuses.invited' | transloco }}</dt>
                <dd>{{ page.invitations.pending | localCount: language() }}</dd>
              </div>
              <div>
                <dt>{{ 'participation.invitationStatuses.declined' | transloco }}</dt>
                <dd>{{ page.invitations.declined | localCount: language() }}</dd>
              </div>
            </dl>
          </mat-card>
        </div>

        <mat-card appearance="outlined" class="cv-panel">
          <h2 class="cv-panel-title" id="state-events">
            {{ 'reports.state.events' | transloco: { count: page.eventsTotal } }}
          </h2>
          @if (page.events.length === 0) {
            <p>{{ 'reports.state.noEvents' | transloco }}</p>
          } @else {
            <ul class="state-list" aria-labelledby="state-events">
              @for (event of page.events; track event.id) {
                <li>
                  <a [routerLink]="['../../events', event.id]" class="state-list__title">{{
                    event.title
                  }}</a>
                  <span class="state-list__meta">
                    {{ event.startsAt | localDate: 'mediumDate' : language() : event.timeZone }}
                    · {{ 'events.types.' + event.type | transloco }} ·
                    {{ 'events.statuses.' + event.status | transloco }}
                  </span>
                  <span class="state-list__meta">
                    @if (event.hosted) {
                      <span class="state-chip">{{ 'reports.state.hosted' | transloco }}</span>
                    }
                    @if (event.invitation) {
                      <span class="state-chip">{{
                        'reports.state.invitation.' + event.invitation | transloco
                      }}</span>
                    }
                    {{ 'reports.state.trained' | transloco: { count: event.participants } }}
                  </span>
                </li>
              }
            </ul>
          }
        </mat-card>

        <mat-card appearance="outlined" class="cv-panel">
          <h2 class="cv-panel-title" id="state-recommendations">
            {{ 'reports.state.recommendations' | transloco: { count: page.recommendationsTotal } }}
          </h2>
          @if (page.recommendations.length === 0) {
            <p>{{ 'reports.state.noRecommendations' | transloco }}</p>
          } @else {
            <ul class="state-list" aria-labelledby="state-recommendations">
              @for (item of page.recommendations; track item.id) {
                <li>
                  <a
                    [routerLink]="['../../recommendations']"
                    [queryParams]="{ eventId: item.eventId }"
                    class="state-list__title"
                    >{{ cite(item.number) }} · <bdi>{{ item.eventTitle }}</bdi></a
                  >
                  <span class="state-list__text">{{ item.text }}</span>
                  <span class="state-list__meta">
                    {{ 'events.thematicAreas.' + item.thematicArea | transloco }} ·
                    {{ 'recommendations.statuses.' + item.status | transloco }}
                  </span>
                </li>
              }
            </ul>
          }
        </mat-card>
      }
    }
  `,
  styles: `
    .state-status {
      min-block-size: 4px;
      margin-block: 8px;
    }
    .state-figures {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 20rem), 1fr));
      gap: 16px;
    }
    .state-big {
      font-size: 2rem;
      font-weight: 600;
      margin: 0 0 8px;
      font-variant-numeric: tabular-nums;
    }
    .state-bars {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 6px;
    }
    .state-bars li {
      display: grid;
      grid-template-columns: 6rem 1fr 3rem;
      align-items: center;
      gap: 8px;
    }
    .state-bars__track {
      block-size: 12px;
      background: var(--mat-sys-surface-container-high);
      border-radius: 6px;
      overflow: hidden;
    }
    .state-bars__bar {
      display: block;
      block-size: 100%;
      background: #0072b2;
    }
    .state-bars__value {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    .state-note {
      color: var(--mat-sys-on-surface-variant);
      margin: 12px 0 0;
    }
    .state-counts {
      display: grid;
      grid-template-columns: repeat(3, 1fr);
      gap: 8px;
      margin: 0;
    }
    .state-counts dt {
      color: var(--mat-sys-on-surface-variant);
    }
    .state-counts dd {
      margin: 0;
      font-size: 1.25rem;
      font-weight: 600;
    }
    .state-list {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .state-list li {
      display: flex;
      flex-direction: column;
      gap: 2px;
      padding-block: 10px;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
    }
    .state-list__title {
      font-weight: 500;
      overflow-wrap: anywhere;
    }
    .state-list__text {
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .state-list__meta {
      color: var(--mat-sys-on-surface-variant);
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
      align-items: center;
    }
    .state-chip {
      border: 1px solid var(--mat-sys-outline);
      border-radius: 8px;
      padding: 0 8px;
      font-size: 0.875rem;
    }
  `,
})
export class StatePage {
  /** The State's alpha-3 code, from the address. */
  readonly code = input.required<string>();

  protected readonly language = inject(LanguageService).language;
  private readonly membership = inject(Store).selectSignal(selectCurrentMembership);
  private readonly tenant = computed(() => this.membership()?.tenant.slug ?? null);
  protected readonly officer = computed(
    () => this.membership()?.permissions.includes('reports.read') ?? false,
  );

  protected readonly data = fetched<StateOverview>(() => {
    const tenant = this.tenant();
    return tenant ? reportUrls.state(tenant, this.code().toUpperCase()) : undefined;
  });
  protected readonly refused = computed(() => {
    const error = this.data.error();
    return error instanceof HttpErrorResponse && error.status === 403;
  });
  protected readonly problem = computed(() =>
    this.data.error() && !this.refused() ? toProblem(this.data.error()) : null,
  );
  protected readonly name = computed(() => countryName(this.code(), this.language()));

  protected readonly cite = citation;

  protected share(part: number, whole: number): number {
    return whole === 0 ? 0 : (part / whole) * 100;
  }

  protected percent(share: number): string {
    return new Intl.NumberFormat(this.language(), {
      style: 'percent',
      maximumFractionDigits: 1,
      numberingSystem: 'latn',
    }).format(share);
  }
}
