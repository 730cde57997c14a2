import { NgTemplateOutlet } from '@angular/common';
import { LocalDatePipe } from '../shared/local-format';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  Injector,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatChipsModule } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { Icon } from '../shared/icons/icon.component';
import { MatInputModule } from '@angular/material/input';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import {
  MEMBERSHIP_STATUSES,
  type MembershipStatus,
  type PendingInvitation,
  type ProblemDetails,
  type Role,
  ROLES,
  type TenantMember,
} from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { debounceTime, distinctUntilChanged, firstValueFrom } from 'rxjs';
import { LanguageService } from '../i18n/language.service';
import { MemberStateNamePipe } from '../member-states/member-state-name.pipe';
import { askToConfirm } from '../shared/confirm.dialog';
import { EmailAddress } from '../shared/email-address.component';
import { EmptyState } from '../shared/empty-state.component';
import { FilterPanel } from '../shared/filter-panel.component';
import { LoadMore } from '../shared/load-more.component';
import { LiveError } from '../shared/live-error.component';
import { ScrollRegion } from '../shared/scroll-region.directive';
import { Notifier } from '../shared/notifier.service';
import { MemberStatesCatalog } from '../member-states/member-states-catalog.store';
import { ChangeRoleDialog } from './change-role.dialog';
import { InviteMemberDialog } from './invite-member.dialog';
import { UsersStore } from './users.store';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';

/** The tenant's people: tenant admins manage them, officers read the list. */
@Component({
  selector: 'cv-users-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    LocalDatePipe,
    NgTemplateOutlet,
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatChipsModule,
    MatFormFieldModule,
    Icon,
    MatInputModule,
    MatMenuModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    MatTableModule,
    MatTooltipModule,
    TranslocoPipe,
    EmailAddress,
    EmptyState,
    FilterPanel,
    LoadMore,
    LiveError,
    ScrollRegion,
    MemberStateNamePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './users.page.html',
  styleUrl: './users.page.scss',
})
export class UsersPage {
  protected readonly store = inject(UsersStore);
  protected readonly language = inject(LanguageService).language;
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly notifier = inject(Notifier);

  protected readonly roles = ROLES;
  protected readonly statuses = MEMBERSHIP_STATUSES;
  protected readonly search = new FormControl('', { nonNullable: true });
  /** The role and status filters, folded away on a phone, that are set. */
  protected readonly activeFilters = computed(
    () =>
      [this.store.filter().role, this.store.filter().status].filter((set) => set !== null).length,
  );

  protected readonly columns = computed(() => [
    'person',
    'role',
    'state',
    'status',
    'since',
    ...(this.store.canManage() ? ['actions'] : []),
  ]);
  protected readonly invitationColumns = ['email', 'role', 'state', 'expires', 'revoke'];

  constructor() {
    inject(MemberStatesCatalog).ensureLoaded();
    this.search.valueChanges
      .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed(inject(DestroyRef)))
      .subscribe((search) => this.store.setFilter({ search }));
  }

  protected setRole(role: Role | null): void {
    this.store.setFilter({ role });
  }

  protected setStatus(status: MembershipStatus | null): void {
    this.store.setFilter({ status });
  }

  protected clearFilters(): void {
    this.search.setValue('', { emitEvent: false });
    this.store.setFilter({ search: '', role: null, status: null });
  }

  protected isBusy(id: string): boolean {
    return this.store.busy().includes(id);
  }

  protected async invite(): Promise<void> {
    const invitation = await firstValueFrom(
      this.dialog
        .open<InviteMemberDialog, void, PendingInvitation>(InviteMemberDialog, {
          injector: this.injector,
          width: '560px',
          maxWidth: '95vw',
        })
        .afterClosed(),
    );
    if (invitation) {
      this.notifier.success('users.inviteDialog.done', {
        email: invitation.email,
      });
    }
  }

  protected async changeRole(member: TenantMember): Promise<void> {
    const updated = await firstValueFrom(
      this.dialog
        .open<ChangeRoleDialog, TenantMember, TenantMember>(ChangeRoleDialog, {
          data: member,
          injector: this.injector,
          width: '560px',
          maxWidth: '95vw',
        })
        .afterClosed(),
    );
    if (updated) {
      this.notifier.success('users.roleDialog.done', { name: updated.name });
    }
  }

  protected async setMemberStatus(
    member: TenantMember,
    action: 'deactivate' | 'reactivate',
  ): Promise<void> {
    const confirmed = await askToConfirm(this.dialog, {
      titleKey: `users.${action}Dialog.title`,
      messageKey: `users.${action}Dialog.body`,
      confirmKey: `users.${action}Dialog.confirm`,
      params: { name: member.name },
      destructive: action === 'deactivate',
    });
    if (!confirmed) return;
    try {
      await this.store.setStatus(member, action);
      this.notifier.success(`users.${action}Dialog.done`, { name: member.name });
    } catch (problem) {
      this.notifier.failure(problem as ProblemDetails);
    }
  }

  protected async revoke(invitation: PendingInvitation): Promise<void> {
    const confirmed = await askToConfirm(this.dialog, {
      titleKey: 'users.revokeDialog.title',
      messageKey: 'users.revokeDialog.body',
      confirmKey: 'users.revokeDialog.confirm',
      params: { email: invitation.email },
      destructive: true,
    });
    if (!confirmed) return;
    try {
      await this.store.revoke(invitation);
      this.notifier.success('users.revokeDialog.done', {
        email: invitation.email,
      });
    } catch (problem) {
      this.notifier.failure(problem as ProblemDetails);
    }
  }
}
