import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { selectCurrentMembership, selectPermissions, selectUser } from '../auth/auth.selectors';
import { UpcomingEvents } from '../events/upcoming-events.component';
import { LanguageService } from '../i18n/language.service';
import { MemberStateNamePipe } from '../member-states/member-state-name.pipe';
import { MemberStatesCatalog } from '../member-states/member-states-catalog.store';
import { DraftEventsPanel } from './draft-events.panel';
import { MailDeliveryPanel } from './mail-delivery.panel';
import { PendingInvitationsPanel } from './pending-invitations.panel';

/**
 * A tenant's home: what needs the person today, a panel per thing their role can act on, and
 * who they are here. Only panels with something real behind them; each feature adds its own.
 */
@Component({
  selector: 'cv-tenant-home-page',
  imports: [
    MatCardModule,
    TranslocoPipe,
    MemberStateNamePipe,
    UpcomingEvents,
    DraftEventsPanel,
    PendingInvitationsPanel,
    MailDeliveryPanel,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './tenant-home.page.html',
  styleUrl: './tenant-home.page.scss',
})
export class TenantHomePage {
  private readonly store = inject(Store);
  protected readonly language = inject(LanguageService).language;
  protected readonly user = this.store.selectSignal(selectUser);
  protected readonly membership = this.store.selectSignal(selectCurrentMembership);
  private readonly permissions = this.store.selectSignal(selectPermissions);

  protected readonly canReadEvents = computed(() => this.permissions().includes('events.read'));
  protected readonly canManageEvents = computed(() => this.permissions().includes('events.manage'));
  protected readonly canManageUsers = computed(() => this.permissions().includes('users.manage'));
  protected readonly canManageMail = computed(() => this.permissions().includes('mail.manage'));

  constructor() {
    inject(MemberStatesCatalog).ensureLoaded();
  }
}
