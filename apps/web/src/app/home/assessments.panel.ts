import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { ASSESSMENT_STATUS_ICONS } from '../assessments/assessment-labels';
import { AssessmentsApi } from '../assessments/assessments.api';
import { selectPermissions } from '../auth/auth.selectors';
import { LanguageService } from '../i18n/language.service';
import { loadStateNamesWhen } from '../member-states/load-state-names';
import { MemberStateNamePipe } from '../member-states/member-state-name.pipe';
import { daysSince } from '../requests/request-labels';
import { Icon } from '../shared/icons/icon.component';
import { LocalDatePipe } from '../shared/local-format';
import { PanelLoad } from './home-panel';
import { PanelState } from './panel-state.component';

/** How many assessments the panel lists; the list page has the rest. */
export const HOME_ASSESSMENTS = 5;

/**
 * Officers (who validate): the assessments States submitted, waiting for validation.
 * A focal point: their State's latest assessments and where each stands, a draft or a returned
 * one opening where it is filled.
 */
@Component({
  selector: 'cv-assessments-panel',
  imports: [PanelState, RouterLink, TranslocoPipe, MemberStateNamePipe, Icon, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'cv-card cv-panel', style: 'display: block' },
  styleUrl: './home-panel.scss',
  styles: `
    .home-assessment__status {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      vertical-align: middle;
    }
    .home-assessment__status mat-icon {
      width: 18px;
      height: 18px;
    }
  `,
  template: `
    <cv-panel-state [load]="assessments">
      @if (assessments.value(); as page) {
        <h2 class="cv-panel-title">
          {{
            (validates() ? 'home.assessments.waitingTitle' : 'home.assessments.stateTitle')
              | transloco
          }}
        </h2>
        @if (page.items.length === 0) {
          <p class="cv-muted home-panel__none">
            {{
              (validates() ? 'home.assessments.noneWaiting' : 'home.assessments.none') | transloco
            }}
          </p>
        } @else {
          <ul class="home-panel__list">
            @for (item of page.items; track item.id) {
              <li>
                <a
                  class="cv-link"
                  [routerLink]="
                    !validates() && (item.status === 'draft' || item.status === 'returned')
                      ? ['/t', tenant(), 'assessments', item.id, 'fill']
                      : ['/t', tenant(), 'assessments', item.id]
                  "
                  >{{
                    validates()
                      ? (item.memberState | memberStateName: language())
                      : ('home.assessments.startedOn'
                        | transloco
                          : { date: item.createdAt | localDate: 'mediumDate' : language() })
                  }}</a
                >
                <span class="home-panel__meta">
                  @if (validates()) {
                    {{
                      'requests.waitingDays'
                        | transloco: { count: age(item.submittedAt ?? item.updatedAt) }
                    }}
                  } @else {
                    <span class="home-assessment__status">
                      <mat-icon [svgIcon]="icons[item.status]" aria-hidden="true" />
                      {{ 'assessments.statuses.' + item.status | transloco }}
                    </span>
                    ·
                    {{
                      'home.assessments.answered'
                        | transloco: { answered: item.answered, questions: item.questions }
                    }}
                  }
                </span>
              </li>
            }
          </ul>
        }
        <a class="cv-button" [routerLink]="['/t', tenant(), 'assessments']">
          {{ 'home.assessments.all' | transloco }}
        </a>
      }
    </cv-panel-state>
  `,
})
export class AssessmentsPanel {
  private readonly api = inject(AssessmentsApi);
  readonly tenant = input.required<string>();
  /** Whether the person validates (an officer or admin): the waiting ones, else their State's. */
  private readonly permissions = inject(Store).selectSignal(selectPermissions);
  protected readonly validates = computed(() =>
    this.permissions().includes('assessments.validate'),
  );
  protected readonly language = inject(LanguageService).language;
  protected readonly icons = ASSESSMENT_STATUS_ICONS;
  protected readonly age = daysSince;

  protected readonly assessments = new PanelLoad(this.tenant, (tenant) =>
    this.api.list(
      tenant,
      { state: null, status: this.validates() ? 'submitted' : null },
      null,
      HOME_ASSESSMENTS,
    ),
  );

  constructor() {
    // Those who validate see the submitted assessments by their State.
    loadStateNamesWhen(() => this.validates() && (this.assessments.value()?.items.length ?? 0) > 0);
  }
}
