import { computed, effect, inject, untracked } from '@angular/core';
import type {
  InvitationCreate,
  MembershipUpdate,
  PendingInvitation,
  TenantMember,
} from '@convene/contracts';
import {
  patchState,
  signalStore,
  withComputed,
  withHooks,
  withMethods,
  withState,
} from '@ngrx/signals';
import { Store } from '@ngrx/store';
import { firstValueFrom } from 'rxjs';
import { selectCurrentMembership, selectUser } from '../auth/auth.selectors';
import { toProblem } from '../http/problem';
import { type KeysetListState, keysetPaging, type LoadStatus } from '../shared/keyset-list';
import { type MemberFilter, UsersApi } from './users.api';

/** The keyset fields are the members list's; the invitations keep their own. */
interface UsersState extends KeysetListState {
  filter: MemberFilter;
  members: TenantMember[];
  /** Members with a change on its way, whose row actions wait meanwhile. */
  busy: string[];
  invitations: PendingInvitation[];
  invitationsCursor: string | null;
  invitationsStatus: LoadStatus;
}

const initialState: UsersState = {
  filter: { search: '', role: null, status: null },
  members: [],
  nextCursor: null,
  status: 'idle',
  loadingMore: false,
  problem: null,
  busy: [],
  invitations: [],
  invitationsCursor: null,
  invitationsStatus: 'idle',
};

const replaceMember = (members: TenantMember[], updated: TenantMember) =>
  members.map((member) => (member.membershipId === updated.membershipId ? updated : member));

/**
 * The current tenant's people and invitations, for the Users page; provided
 * on its route, so it lives while the page does. Actions return promises
 * that reject with problem details, so dialogs can stay open on failure.
 */
export const UsersStore = signalStore(
  withState(initialState),
  withComputed((state, store = inject(Store)) => {
    const membership = store.selectSignal(selectCurrentMembership);
    const user = store.selectSignal(selectUser);
    return {
      /** Null outside a tenant whose people this role may see (say, mid-switch to another). */
      tenantSlug: computed(() => {
        const current = membership();
        return current?.permissions.includes('users.read') ? current.tenant.slug : null;
      }),
      canManage: computed(() => membership()?.permissions.includes('users.manage') ?? false),
      currentUserId: computed(() => user()?.id ?? null),
      filtered: computed(() => {
        const { search, role, status } = state.filter();
        return !!search.trim() || role !== null || status !== null;
      }),
    };
  }),
  withMethods((store, api = inject(UsersApi)) => {
    const tenant = (): string => {
      const slug = store.tenantSlug();
      if (!slug) throw new Error('The Users page needs a current tenant');
      return slug;
    };
    const whileBusy = async <T>(id: string, work: () => Promise<T>) => {
      patchState(store, { busy: [...store.busy(), id] });
      try {
        return await work();
      } catch (error) {
        throw toProblem(error);
      } finally {
        patchState(store, { busy: store.busy().filter((busy) => busy !== id) });
      }
    };

    /** A newer filter cancels an older first page. */
    const members = keysetPaging(store, {
      items: 'members',
      fetch: (filter, after) => api.listMembers(tenant(), filter, after),
      filter: store.filter,
    });

    const loadInvitations = (after: string | null) => {
      patchState(store, { invitationsStatus: 'loading' });
      api.listInvitations(tenant(), after).subscribe({
        next: (page) =>
          patchState(store, {
            invitations: after ? [...store.invitations(), ...page.items] : page.items,
            invitationsCursor: page.nextCursor,
            invitationsStatus: 'loaded',
          }),
        error: () => patchState(store, { invitationsStatus: 'error' }),
      });
    };

    return {
      /** Starts afresh for a tenant: people, and invitations for those who manage them. */
      open(): void {
        patchState(store, { ...initialState, filter: store.filter() });
        members.loadFirstPage(store.filter());
        if (store.canManage()) loadInvitations(null);
      },
      setFilter(change: Partial<MemberFilter>): void {
        const filter = { ...store.filter(), ...change };
        patchState(store, { filter });
        members.loadFirstPage(filter);
      },
      reload(): void {
        members.loadFirstPage(store.filter());
      },
      loadMore: members.loadMore,
      loadMoreInvitations(): void {
        const after = store.invitationsCursor();
        if (after && store.invitationsStatus() !== 'loading') {
          loadInvitations(after);
        }
      },
      reloadInvitations(): void {
        loadInvitations(null);
      },
      updateMember(member: TenantMember, update: MembershipUpdate) {
        return whileBusy(member.membershipId, async () => {
          const updated = await firstValueFrom(
            api.updateMember(tenant(), member.membershipId, update),
          );
          patchState(store, { members: replaceMember(store.members(), updated) });
          return updated;
        });
      },
      setStatus(member: TenantMember, action: 'deactivate' | 'reactivate') {
        return whileBusy(member.membershipId, async () => {
          const updated = await firstValueFrom(
            api.setStatus(tenant(), member.membershipId, action),
          );
          patchState(store, { members: replaceMember(store.members(), updated) });
          return updated;
        });
      },
      async invite(invitation: InvitationCreate): Promise<PendingInvitation> {
        try {
          const created = await firstValueFrom(api.invite(tenant(), invitation));
          patchState(store, {
            invitations: [
              created,
              ...store.invitations().filter((pending) => pending.id !== created.id),
            ],
          });
          return created;
        } catch (error) {
          throw toProblem(error);
        }
      },
      revoke(invitation: PendingInvitation) {
        return whileBusy(invitation.id, async () => {
          await firstValueFrom(api.revokeInvitation(tenant(), invitation.id));
          patchState(store, {
            invitations: store.invitations().filter((pending) => pending.id !== invitation.id),
          });
        });
      },
    };
  }),
  withHooks((store) => ({
    onInit() {
      // Open afresh whenever the tenant changes under the page.
      effect(() => {
        if (store.tenantSlug()) untracked(() => store.open());
      });
    },
  })),
);
