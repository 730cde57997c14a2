import { TestBed } from '@angular/core/testing';
import type { Page, Role, TenantMember } from '@convene/contracts';
import { provideMockStore } from '@ngrx/store/testing';
import { of, Subject, throwError } from 'rxjs';
import { HttpErrorResponse } from '@angular/common/http';
import { aMembership, aSession } from '../auth/auth.fixtures';
import { initialAuthState } from '../auth/auth.reducer';
import { type MemberFilter, UsersApi } from './users.api';
import { UsersStore } from './users.store';

function aMember(name: string, role: Role = 'expert'): TenantMember {
  return {
    membershipId: `m-${name}`,
    userId: `u-${name}`,
    email: `${name.toLowerCase()}@demo.example`,
    name,
    role,
    memberStateAlpha3: null,
    status: 'active',
    createdAt: '2026-11-28T08:00:00.000Z',
  };
}

/** The one row a test has loaded; failing here says so rather than as a TypeError later. */
function first<T>(rows: readonly T[]): T {
  const [row] = rows;
  if (row === undefined) throw new Error('expected a loaded row');
  return row;
}

const page = (items: TenantMember[], nextCursor: string | null): Page<TenantMember> => ({
  items,
  nextCursor,
});

function setUp(role: Role = 'tenant_admin') {
  const api = {
    listMembers: jest.fn(),
    listInvitations: jest.fn(() => of({ items: [], nextCursor: null })),
    setStatus: jest.fn(),
    updateMember: jest.fn(),
    invite: jest.fn(),
    revokeInvitation: jest.fn(),
  };
  TestBed.configureTestingModule({
    providers: [
      UsersStore,
      { provide: UsersApi, useValue: api },
      provideMockStore({
        initialState: {
          auth: {
            ...initialAuthState,
            status: 'authenticated',
            session: aSession([aMembership('demo', role)]),
            currentTenantSlug: 'demo',
          },
        },
      }),
    ],
  });
  return api;
}

describe('the Users store', () => {
  it('loads the first page on opening, and the next one after the cursor', () => {
    const api = setUp();
    api.listMembers
      .mockReturnValueOnce(of(page([aMember('Amina'), aMember('Camille')], 'cursor-1')))
      .mockReturnValueOnce(of(page([aMember('Lukas')], null)));

    const store = TestBed.inject(UsersStore);
    TestBed.tick();
    expect(store.members().map((m) => m.name)).toEqual(['Amina', 'Camille']);
    expect(store.nextCursor()).toBe('cursor-1');

    store.loadMore();
    expect(api.listMembers).toHaveBeenLastCalledWith(
      'demo',
      { search: '', role: null, status: null },
      'cursor-1',
    );
    expect(store.members().map((m) => m.name)).toEqual(['Amina', 'Camille', 'Lukas']);
    expect(store.nextCursor()).toBeNull();
  });

  it('starts again from the first page when a filter changes, dropping a slower older answer', () => {
    const api = setUp();
    const slow = new Subject<Page<TenantMember>>();
    api.listMembers
      .mockReturnValueOnce(slow)
      .mockReturnValueOnce(of(page([aMember('Wanjiru', 'focal_point')], null)));

    const store = TestBed.inject(UsersStore);
    TestBed.tick();
    store.setFilter({ role: 'focal_point' });
    slow.next(page([aMember('Amina')], 'stale'));

    const filter: MemberFilter = { search: '', role: 'focal_point', status: null };
    expect(api.listMembers).toHaveBeenLastCalledWith('demo', filter, null);
    expect(store.members().map((m) => m.name)).toEqual(['Wanjiru']);
    expect(store.filtered()).toBe(true);
  });

  it('replaces a member in place after deactivating them', async () => {
    const api = setUp();
    api.listMembers.mockReturnValue(of(page([aMember('Camille')], null)));
    api.setStatus.mockReturnValue(of({ ...aMember('Camille'), status: 'deactivated' }));

    const store = TestBed.inject(UsersStore);
    TestBed.tick();
    await store.setStatus(first(store.members()), 'deactivate');

    expect(api.setStatus).toHaveBeenCalledWith('demo', 'm-Camille', 'deactivate');
    expect(first(store.members()).status).toBe('deactivated');
    expect(store.busy()).toEqual([]);
  });

  it('rejects with problem details when the server refuses, and frees the row', async () => {
    const api = setUp();
    api.listMembers.mockReturnValue(of(page([aMember('Amina', 'tenant_admin')], null)));
    api.updateMember.mockReturnValue(
      throwError(
        () =>
          new HttpErrorResponse({
            status: 409,
            error: { type: '/problems/last-admin', title: 'x', status: 409 },
          }),
      ),
    );
    const store = TestBed.inject(UsersStore);
    TestBed.tick();

    await expect(
      store.updateMember(first(store.members()), { role: 'expert', memberStateAlpha3: null }),
    ).rejects.toMatchObject({ type: '/problems/last-admin' });
    expect(first(store.members()).role).toBe('tenant_admin');
    expect(store.busy()).toEqual([]);
  });

  it('shows officers the people but never asks for the invitations', () => {
    const api = setUp('programme_officer');
    api.listMembers.mockReturnValue(of(page([aMember('Amina')], null)));
    const store = TestBed.inject(UsersStore);
    TestBed.tick();

    expect(store.canManage()).toBe(false);
    expect(store.members()).toHaveLength(1);
    expect(api.listInvitations).not.toHaveBeenCalled();
  });
});
