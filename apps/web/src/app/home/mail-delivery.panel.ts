import { LocalCountPipe } from '../shared/local-format';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { Icon } from '../shared/icons/icon.component';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../i18n/language.service';
import { MailApi } from '../mail/mail.api';
import { PanelLoad } from './home-panel';
import { PanelState } from './panel-state.component';

/** For administrators: whether the tenant's mail is getting through. */
@Component({
  selector: 'cv-mail-delivery-panel',
  imports: [PanelState, LocalCountPipe, Icon, RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './home-panel.scss',
  template: `
    <h2 class="cv-panel-title">{{ 'home.mail.title' | transloco }}</h2>
    <cv-panel-state [load]="counts">
      @if (counts.value(); as counts) {
        @if (counts.failed > 0) {
          <p class="cv-banner cv-banner--error">
            <mat-icon aria-hidden="true" svgIcon="error" />
            <span>{{ 'mail.failures.title' | transloco: { count: counts.failed } }}</span>
          </p>
          <a
            class="cv-button cv-button--outlined"
            [routerLink]="['/t', tenant(), 'mail']"
            [queryParams]="{ status: 'failed' }"
          >
            {{ 'mail.failures.show' | transloco }}
          </a>
        } @else {
          <p class="home-panel__none">
            <mat-icon aria-hidden="true" class="home-panel__ok" svgIcon="check_circle" />
            {{ 'home.mail.allDelivered' | transloco }}
          </p>
          @if (counts.queued > 0) {
            <p class="cv-muted">
              {{
                'home.mail.queued' | transloco: { count: counts.queued | localCount: language() }
              }}
            </p>
          }
        }
      }
    </cv-panel-state>
  `,
})
export class MailDeliveryPanel {
  private readonly api = inject(MailApi);
  protected readonly language = inject(LanguageService).language;
  readonly tenant = input.required<string>();

  protected readonly counts = new PanelLoad(this.tenant, (tenant) => this.api.counts(tenant));
}
