import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { Icon } from '../shared/icons/icon.component';
import { RouterLink } from '@angular/router';
import type { PublicRecommendation, RecommendationFollowUp } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../i18n/language.service';
import { MemberStateNamePipe } from '../member-states/member-state-name.pipe';
import { LocalDatePipe } from '../shared/local-format';
import { citation, RECOMMENDATION_STATUS_ICONS } from './recommendation-labels';

/**
 * One recommendation as lists show it: its number, the meeting's words, its area, to whom it is
 * addressed and where its follow-up stands; with its history when given. Actions come from the
 * page, projected at the foot.
 */
@Component({
  selector: 'cv-recommendation-item',
  imports: [Icon, RouterLink, TranslocoPipe, MemberStateNamePipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let item = recommendation();
    <div class="rec-head">
      <span class="rec-number">{{ cite(item.number) }}</span>
      <span class="rec-status" [attr.data-status]="item.status">
        <mat-icon aria-hidden="true" [svgIcon]="icons[item.status]" />
        {{ 'recommendations.statuses.' + item.status | transloco }}
      </span>
      <span class="rec-area">{{ 'events.thematicAreas.' + item.thematicArea | transloco }}</span>
    </div>
    @if (tenant() || showEvent()) {
      <p class="rec-event">
        <span class="rec-event__date">{{
          item.event.startsAt | localDate: 'mediumDate' : language()
        }}</span>
        @if (tenant()) {
          <a
            class="cv-link"
            [routerLink]="['/t', tenant(), 'events', item.event.id]"
            [queryParams]="{ tab: 'recommendations' }"
            dir="auto"
            >{{ item.event.title }}</a
          >
        } @else {
          <bdi>{{ item.event.title }}</bdi>
        }
      </p>
    }
    <p class="rec-text" dir="auto">{{ item.text }}</p>
    <p class="rec-addressees">
      <span class="rec-label">{{ 'recommendations.addressedTo' | transloco }}</span>
      @for (state of item.addressedStates; track state) {
        <span class="rec-chip"
          ><bdi>{{ state | memberStateName: language() }}</bdi></span
        >
      }
      @if (item.addressedToOrganisation) {
        <span class="rec-chip">{{ 'recommendations.organisation' | transloco }}</span>
      }
      @for (partner of item.addressedPartners; track partner) {
        <span class="rec-chip"
          ><bdi>{{ partner }}</bdi></span
        >
      }
    </p>
    @if (followUps(); as steps) {
      @if (steps.length > 0) {
        <details class="rec-history">
          <summary>{{ 'recommendations.history' | transloco: { count: steps.length } }}</summary>
          <ol>
            @for (step of steps; track step.id) {
              <li>
                <span class="rec-history__when">{{
                  step.at | localDate: 'medium' : language()
                }}</span>
                @if (step.toStatus) {
                  <span>
                    {{
                      (step.fromStatus
                        ? 'recommendations.historyMoved'
                        : 'recommendations.historyRecorded'
                      )
                        | transloco
                          : {
                              from: step.fromStatus
                                ? ('recommendations.statuses.' + step.fromStatus | transloco)
                                : '',
                              to: 'recommendations.statuses.' + step.toStatus | transloco,
                            }
                    }}
                  </span>
                }
                @if (step.actor) {
                  <span class="rec-history__who"
                    >· <bdi>{{ step.actor.name }}</bdi></span
                  >
                }
                @if (step.memberState) {
                  <span class="rec-history__who">
                    ·
                    {{
                      'recommendations.forState'
                        | transloco: { state: (step.memberState | memberStateName: language()) }
                    }}
                  </span>
                }
                @if (step.note) {
                  <p class="rec-history__note" dir="auto">{{ step.note }}</p>
                }
              </li>
            }
          </ol>
        </details>
      }
    }
    <div class="rec-actions"><ng-content /></div>
  `,
  styles: `
    :host {
      display: block;
      padding: 12px 0;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
    }
    .rec-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
    }
    .rec-number {
      font: var(--mat-sys-title-medium);
    }
    .rec-status {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 2px 8px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-high);
      font: var(--mat-sys-label-large);
    }
    .rec-status mat-icon {
      width: 18px;
      height: 18px;
    }
    .rec-status[data-status='implemented'] {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .rec-area {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
    .rec-event {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
      margin: 4px 0 0;
      font: var(--mat-sys-body-medium);
    }
    .rec-event__date {
      color: var(--mat-sys-on-surface-variant);
    }
    .rec-text {
      margin: 8px 0;
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .rec-addressees {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
      margin: 0;
    }
    .rec-label {
      color: var(--mat-sys-on-surface-variant);
    }
    .rec-chip {
      padding: 1px 8px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      font: var(--mat-sys-body-small);
    }
    .rec-history {
      margin-block-start: 8px;
    }
    .rec-history summary {
      cursor: pointer;
      color: var(--mat-sys-primary);
    }
    .rec-history ol {
      margin: 4px 0 0;
      padding-inline-start: 20px;
    }
    .rec-history__when,
    .rec-history__who {
      color: var(--mat-sys-on-surface-variant);
    }
    .rec-history__note {
      margin: 2px 0 6px;
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .rec-actions:not(:empty) {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-block-start: 8px;
    }
  `,
})
export class RecommendationItem {
  readonly recommendation = input.required<PublicRecommendation>();
  /** The history, where the page has it. */
  readonly followUps = input<RecommendationFollowUp[] | null>(null);
  /** Set on the list across events: the meeting is named and linked. */
  readonly tenant = input<string | null>(null);
  /** Name the meeting without a link (the public page, where nobody opens it). */
  readonly showEvent = input(false);

  protected readonly language = inject(LanguageService).language;
  protected readonly icons = RECOMMENDATION_STATUS_ICONS;
  protected readonly cite = citation;
}
