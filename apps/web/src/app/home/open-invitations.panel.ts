import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../i18n/language.service';
import { LocalDatePipe } from '../shared/local-format';
import { ParticipationApi } from '../participation/participation.api';
import { PanelLoad } from './home-panel';
import { PanelState } from './panel-state.component';

/**
 * For focal points: the invitations of their State still open, soonest deadline first, each
 * with its deadline and the seats left to nominate; a link to the event's participation tab.
 */
@Component({
  selector: 'cv-open-invitations-panel',
  imports: [PanelState, LocalDatePipe, RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './home-panel.scss',
  template: `
    <h2 class="cv-panel-title">{{ 'home.openInvitations.title' | transloco }}</h2>
    <cv-panel-state [load]="invitations">
      @if (invitations.value(); as list) {
        @if (list.items.length === 0) {
          <p class="cv-muted home-panel__none">{{ 'home.openInvitations.none' | transloco }}</p>
        } @else {
          <ul class="home-panel__list">
            @for (invitation of list.items; track invitation.id) {
              <li>
                <a
                  class="cv-link"
                  [routerLink]="['/t', tenant(), 'events', invitation.event.id]"
                  [queryParams]="{ tab: 'participation' }"
                  ><bdi>{{ invitation.event.title }}</bdi></a
                >
                <span class="home-panel__meta">
                  {{
                    'home.openInvitations.meta'
                      | transloco
                        : {
                            date:
                              invitation.nominationDeadline
                              | localDate: 'mediumDate' : language() : 'UTC',
                            seats: invitation.seatsLeft,
                          }
                  }}
                  ·
                  {{ 'participation.invitationStatuses.' + invitation.status | transloco }}
                </span>
              </li>
            }
          </ul>
        }
      }
    </cv-panel-state>
  `,
})
export class OpenInvitationsPanel {
  private readonly api = inject(ParticipationApi);
  protected readonly language = inject(LanguageService).language;
  readonly tenant = input.required<string>();

  protected readonly invitations = new PanelLoad(this.tenant, (tenant) =>
    this.api.openInvitations(tenant),
  );
}
