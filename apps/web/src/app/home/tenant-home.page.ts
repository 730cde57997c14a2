import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { selectCurrentMembership, selectPermissions, selectUser } from '../auth/auth.selectors';
import { UpcomingEvents } from '../events/upcoming-events.component';
import { ExpertHomePanel } from '../experts/expert-home.panel';
import { DraftEventsPanel } from './draft-events.panel';
import { MailDeliveryPanel } from './mail-delivery.panel';
import { MemberStateFact } from './member-state-fact.component';
import { OpenInvitationsPanel } from './open-invitations.panel';
import { PendingInvitationsPanel } from './pending-invitations.panel';
import { RequestsPanel } from './requests.panel';

/**
 * A tenant's home: what needs the person today, a panel per thing their role can act on, and
 * who they are here. Only panels with something real behind them; each feature adds its own.
 */
@Component({
  selector: 'cv-tenant-home-page',
  imports: [
    NgTemplateOutlet,
    TranslocoPipe,
    MemberStateFact,
    UpcomingEvents,
    DraftEventsPanel,
    PendingInvitationsPanel,
    MailDeliveryPanel,
    OpenInvitationsPanel,
    ExpertHomePanel,
    RequestsPanel,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './tenant-home.page.html',
  styleUrl: './tenant-home.page.scss',
})
export class TenantHomePage {
  private readonly store = inject(Store);
  protected readonly user = this.store.selectSignal(selectUser);
  protected readonly membership = this.store.selectSignal(selectCurrentMembership);
  private readonly permissions = this.store.selectSignal(selectPermissions);

  protected readonly canReadEvents = computed(() => this.permissions().includes('events.read'));
  protected readonly canManageEvents = computed(() => this.permissions().includes('events.manage'));
  protected readonly canManageUsers = computed(() => this.permissions().includes('users.manage'));
  protected readonly canManageMail = computed(() => this.permissions().includes('mail.manage'));
  protected readonly canNominate = computed(() =>
    this.permissions().includes('participation.nominate'),
  );
  protected readonly isExpert = computed(() => this.permissions().includes('experts.profile'));
}
