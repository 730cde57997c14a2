import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import type {
  EventExperts,
  ExpertAssignment,
  ExpertRosterEntry,
  ExpertRosterPage,
  Role,
} from '@convene/contracts';
import { provideMockStore } from '@ngrx/store/testing';
import { of, throwError } from 'rxjs';
import { aMembership, aSession } from '../auth/auth.fixtures';
import { initialAuthState } from '../auth/auth.reducer';
import { EventExpertsStore } from './event-experts.store';
import { ExpertsApi } from './experts.api';
import { EMPTY_ROSTER_FILTER, RosterStore } from './roster.store';

const anExpert = (name: string): ExpertRosterEntry => ({
  userId: `user-${name}`,
  name,
  organisation: 'Federal Police',
  nationality: 'DEU',
  thematicAreas: ['financing'],
  languages: [{ language: 'de', level: 'native' }],
  eventsServed: 2,
});

const page = (names: string[], nextCursor: string | null): ExpertRosterPage => ({
  items: names.map(anExpert),
  nextCursor,
});

const anAssignment = (id: string, status: ExpertAssignment['status']): ExpertAssignment => ({
  id,
  eventId: 'event-1',
  session: null,
  expert: { id: 'user-eli', name: 'Eli' },
  role: 'rapporteur',
  status,
  declineReason: null,
  askedAt: '2030-01-01T00:00:00.000Z',
  answeredAt: null,
  version: 1,
});

const experts = (...assignments: ExpertAssignment[]): EventExperts => ({
  assignments,
  declarations: [
    { expert: { id: 'a', name: 'Ada' }, declaration: null },
    {
      expert: { id: 'b', name: 'Bo' },
      declaration: { filedAt: '2030-01-02T00:00:00.000Z', hasInterests: false, details: null },
    },
  ],
  balance: {
    experts: 2,
    bySex: { female: 1, male: 1, other: 0, unknown: 0 },
    byRegionalGroup: {
      african: 1,
      asia_pacific: 0,
      eastern_european: 0,
      latin_american_caribbean: 0,
      western_european_others: 1,
      none: 0,
    },
  },
});

function setUp(role: Role, api: Partial<Record<keyof ExpertsApi, jest.Mock>>) {
  TestBed.configureTestingModule({
    providers: [
      RosterStore,
      EventExpertsStore,
      { provide: ExpertsApi, useValue: api },
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
}

describe('the roster store', () => {
  it('searches with the filter, then loads more after the cursor', () => {
    const roster = jest
      .fn()
      .mockReturnValueOnce(of(page(['Ada', 'Bo'], 'cursor-1')))
      .mockReturnValueOnce(of(page(['Cy'], null)));
    setUp('programme_officer', { roster });
    const store = TestBed.inject(RosterStore);
    const filter = { ...EMPTY_ROSTER_FILTER, language: 'fr', availableFrom: '2030-06-01' };
    store.search(filter);
    expect(roster).toHaveBeenCalledWith('demo', filter, null);
    expect(store.filtered()).toBe(true);
    store.loadMore();
    expect(roster).toHaveBeenLastCalledWith('demo', filter, 'cursor-1');
    expect(store.experts().map((expert) => expert.name)).toEqual(['Ada', 'Bo', 'Cy']);
    expect(store.nextCursor()).toBeNull();
  });

  it('has no tenant for a role that does not keep the roster', () => {
    setUp('expert', { roster: jest.fn() });
    expect(TestBed.inject(RosterStore).tenantSlug()).toBeNull();
  });
});

describe('the event experts store', () => {
  it('loads the assignments and tells missing declarations from filed ones', async () => {
    const eventExperts = jest.fn(() => of(experts(anAssignment('a1', 'asked'))));
    setUp('programme_officer', { eventExperts });
    const store = TestBed.inject(EventExpertsStore);
    await store.load('event-1');
    expect(eventExperts).toHaveBeenCalledWith('demo', 'event-1');
    expect(store.assignments().map((a) => a.id)).toEqual(['a1']);
    expect(store.missingDeclarations().map((d) => d.expert.name)).toEqual(['Ada']);
    expect(store.filedDeclarations().map((d) => d.expert.name)).toEqual(['Bo']);
  });

  it('withdraws with the version shown and reloads, and rejects with the problem', async () => {
    const eventExperts = jest
      .fn()
      .mockReturnValueOnce(of(experts(anAssignment('a1', 'accepted'))))
      .mockReturnValueOnce(of(experts(anAssignment('a1', 'withdrawn'))));
    const withdraw = jest
      .fn()
      .mockReturnValueOnce(of(anAssignment('a1', 'withdrawn')))
      .mockReturnValueOnce(
        throwError(
          () =>
            new HttpErrorResponse({
              status: 409,
              error: { type: '/problems/stale-version', title: 'x', status: 409 },
            }),
        ),
      );
    setUp('programme_officer', { eventExperts, withdraw });
    const store = TestBed.inject(EventExpertsStore);
    await store.load('event-1');
    const shown = store.assignments()[0];
    if (!shown) throw new Error('no assignment');
    await store.withdraw(shown);
    expect(withdraw).toHaveBeenCalledWith('demo', shown);
    expect(store.assignments()[0]?.status).toBe('withdrawn');
    expect(store.busy()).toEqual([]);
    await expect(store.withdraw(shown)).rejects.toMatchObject({
      status: 409,
      type: '/problems/stale-version',
    });
    expect(store.busy()).toEqual([]);
  });

  it('says why the tab could not load', async () => {
    const eventExperts = jest.fn(() =>
      throwError(
        () =>
          new HttpErrorResponse({
            status: 404,
            error: { type: '/problems/not-found', title: 'x', status: 404 },
          }),
      ),
    );
    setUp('programme_officer', { eventExperts });
    const store = TestBed.inject(EventExpertsStore);
    await store.load('event-1');
    expect(store.status()).toBe('error');
    expect(store.problem()?.status).toBe(404);
  });
});
