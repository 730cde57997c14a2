import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../i18n/language.service';
import { loadStateNamesWhen } from '../member-states/load-state-names';
import { MemberStateNamePipe } from '../member-states/member-state-name.pipe';
import { daysSince } from '../requests/request-labels';
import { RequestStatusChip } from '../requests/request-status.component';
import { RequestsApi } from '../requests/requests.api';
import { PanelLoad } from './home-panel';
import { PanelState } from './panel-state.component';

/**
 * Officers: the requests waiting for their review, the longest waiting first, with their age.
 * A focal point: their State's requests and where each stands.
 */
@Component({
  selector: 'cv-requests-panel',
  imports: [PanelState, RouterLink, TranslocoPipe, MemberStateNamePipe, RequestStatusChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // Its own card: the home page's chunk carries no wrapper for it (its size budget is tight).
  host: { class: 'cv-card cv-panel', style: 'display: block' },
  styleUrl: './home-panel.scss',
  template: `
    <cv-panel-state [load]="requests">
      @if (requests.value(); as panel) {
        <h2 class="cv-panel-title">
          {{
            (panel.waiting ? 'home.requests.waitingTitle' : 'home.requests.stateTitle') | transloco
          }}
        </h2>
        @if (panel.items.length === 0) {
          <p class="cv-muted home-panel__none">
            {{ (panel.waiting ? 'home.requests.noneWaiting' : 'home.requests.none') | transloco }}
          </p>
        } @else {
          <ul class="home-panel__list">
            @for (request of panel.items; track request.id) {
              <li>
                <a
                  class="cv-link"
                  dir="auto"
                  [routerLink]="['/t', tenant(), 'requests', request.id]"
                  >{{ request.title || ('requests.untitled' | transloco) }}</a
                >
                <span class="home-panel__meta">
                  @if (panel.waiting) {
                    {{ request.memberState | memberStateName: language() }} ·
                    {{ 'requests.waitingDays' | transloco: { count: age(request.statusSince) } }}
                  } @else {
                    <cv-request-status [status]="request.status" />
                  }
                </span>
              </li>
            }
          </ul>
        }
        <a class="cv-button" [routerLink]="['/t', tenant(), 'requests']">
          {{ 'home.requests.all' | transloco: { count: panel.total } }}
        </a>
      }
    </cv-panel-state>
  `,
})
export class RequestsPanel {
  private readonly api = inject(RequestsApi);
  readonly tenant = input.required<string>();
  protected readonly language = inject(LanguageService).language;
  protected readonly age = daysSince;

  protected readonly requests = new PanelLoad(this.tenant, (tenant) => this.api.home(tenant));

  constructor() {
    // The requests waiting for officers are named by their State.
    loadStateNamesWhen(() => {
      const panel = this.requests.value();
      return !!panel?.waiting && panel.items.length > 0;
    });
  }
}
