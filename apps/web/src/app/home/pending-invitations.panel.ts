import { LocalDatePipe } from '../shared/local-format';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../i18n/language.service';
import { UsersApi } from '../users/users.api';
import { PanelLoad } from './home-panel';
import { PanelState } from './panel-state.component';

const SHOWN = 5;

/** For administrators: the invitations nobody has accepted yet, newest first. */
@Component({
  selector: 'cv-pending-invitations-panel',
  imports: [PanelState, LocalDatePipe, RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './home-panel.scss',
  template: `
    <h2 class="cv-panel-title">{{ 'users.invitations.title' | transloco }}</h2>
    <cv-panel-state [load]="invitations">
      @if (invitations.value(); as page) {
        @if (page.items.length === 0) {
          <p class="cv-muted home-panel__none">{{ 'users.invitations.empty' | transloco }}</p>
        } @else {
          <ul class="home-panel__list">
            @for (invitation of page.items; track invitation.id) {
              <li>
                <bdi class="home-panel__email">{{ invitation.email }}</bdi>
                <span class="home-panel__meta">
                  {{ 'roles.' + invitation.role | transloco }} ·
                  {{
                    'home.invitations.expires'
                      | transloco
                        : {
                            date: invitation.expiresAt | localDate: 'mediumDate' : language(),
                          }
                  }}
                </span>
              </li>
            }
          </ul>
        }
        <a class="cv-button" [routerLink]="['/t', tenant(), 'users']">
          {{ 'home.invitations.manage' | transloco }}
        </a>
      }
    </cv-panel-state>
  `,
})
export class PendingInvitationsPanel {
  private readonly api = inject(UsersApi);
  protected readonly language = inject(LanguageService).language;
  readonly tenant = input.required<string>();

  protected readonly invitations = new PanelLoad(this.tenant, (tenant) =>
    this.api.listInvitations(tenant, null, SHOWN),
  );
}
