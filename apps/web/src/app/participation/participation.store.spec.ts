import { HttpErrorResponse, HttpHeaders, HttpResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import type { MemberState, Role } from '@convene/contracts';
import { provideMockStore } from '@ngrx/store/testing';
import { of, throwError } from 'rxjs';
import { aMembership, aSession } from '../auth/auth.fixtures';
import { initialAuthState } from '../auth/auth.reducer';
import { MemberStatesApi } from '../member-states/member-states.api';
import { MemberStatesCatalog } from '../member-states/member-states-catalog.store';
import { beforeDeadline, dateToDay, dayToDate } from './deadline';
import { ParticipationApi } from './participation.api';
import {
  aNomination,
  aNominationPage,
  anInvitation,
  aParticipation,
  someFigures,
} from './participation.fixtures';
import { matches, ParticipationStore, refusalsOf } from './participation.store';

const kenya: MemberState = {
  alpha3: 'KEN',
  alpha2: 'KE',
  groups: [],
  electoralGroup: 'african',
  geographicRegion: 'africa',
  observer: false,
  names: { ar: 'كينيا', zh: '肯尼亚', en: 'Kenya', fr: 'Kenya', ru: 'Кения', es: 'Kenia' },
};

const problem = (status: number, type: string) =>
  throwError(
    () =>
      new HttpErrorResponse({ status, error: { type: `/problems/${type}`, title: 'x', status } }),
  );

const kenyaRow = anInvitation('KEN', {
  status: 'accepted',
  seats: 1,
  seatsLeft: 0,
  counts: { nominated: 2, pending: 1, approved: 1, waitlisted: 0, confirmed: 0, attended: 0 },
});
const ghanaRow = anInvitation('GHA');
const amina = aNomination('n-1', 'Amina Odhiambo', 'KEN', {
  status: 'approved',
  confirmation: 'pending',
});
const brian = aNomination('n-2', 'Brian Otieno', 'KEN');
const kofi = aNomination('n-3', 'Kofi Mensah', 'GHA', { institution: 'Ghana Police Service' });

function setUp(role: Role = 'programme_officer', memberState: string | null = null) {
  const api = {
    participation: jest.fn(() => of(aParticipation([kenyaRow, ghanaRow], 40))),
    nominations: jest.fn(() => of(aNominationPage([amina, brian, kofi]))),
    figures: jest.fn(() => of(someFigures())),
    decide: jest.fn(),
    invite: jest.fn(),
    updateInvitation: jest.fn(),
    withdrawInvitation: jest.fn(),
    nominate: jest.fn(),
    withdrawNomination: jest.fn(),
    exportParticipants: jest.fn(),
    accept: jest.fn(),
  };
  TestBed.configureTestingModule({
    providers: [
      ParticipationStore,
      { provide: ParticipationApi, useValue: api },
      { provide: MemberStatesApi, useValue: { list: () => of([kenya]) } },
      provideMockStore({
        initialState: {
          auth: {
            ...initialAuthState,
            status: 'authenticated',
            session: aSession([aMembership('demo', role, memberState)]),
            currentTenantSlug: 'demo',
          },
        },
      }),
    ],
  });
  TestBed.inject(MemberStatesCatalog).ensureLoaded();
  const store = TestBed.inject(ParticipationStore);
  store.load('event-1');
  return { api, store };
}

describe('the participation store', () => {
  it('opens an event: its invited States, every page of nominees, and the figures', () => {
    const { api, store } = setUp();
    api.nominations.mockClear();
    api.nominations
      .mockReturnValueOnce(of(aNominationPage([amina], 'cursor-2')))
      .mockReturnValueOnce(of(aNominationPage([brian, kofi])));
    store.reloadNominations();
    expect(api.nominations).toHaveBeenNthCalledWith(1, 'demo', 'event-1');
    expect(api.nominations).toHaveBeenNthCalledWith(2, 'demo', 'event-1', 'cursor-2');
    expect(store.nominations().map((nomination) => nomination.id)).toEqual(['n-1', 'n-2', 'n-3']);
    expect(store.rows().map((row) => row.memberState)).toEqual(['KEN', 'GHA']);
    expect(store.pendingSeatRequests()).toEqual([]);
    expect(store.figures()?.totals.approved).toBe(3);
    expect(store.canManage()).toBe(true);
  });

  it('keeps only the nominees it may show in full (never an expert’s names-only view)', () => {
    const { api, store } = setUp();
    api.nominations.mockReturnValueOnce(
      of({
        items: [
          amina,
          {
            view: 'names' as const,
            id: 'n-9',
            eventId: 'event-1',
            memberStateCode: 'GHA',
            fullName: 'Ama Owusu',
            institution: 'Judiciary',
          },
        ],
        nextCursor: null,
      }),
    );
    store.reloadNominations();
    expect(store.nominations().map((nomination) => nomination.id)).toEqual(['n-1']);
  });

  it('finds States by name in any UN language and nominees by name, email, institution or State', () => {
    const { store } = setUp();
    store.setInvitationFilter({ q: 'Кения' });
    expect(store.filteredRows().map((row) => row.memberState)).toEqual(['KEN']);
    store.setInvitationFilter({ q: '', status: 'invited' });
    expect(store.filteredRows().map((row) => row.memberState)).toEqual(['GHA']);

    store.setNominationFilter({ q: 'police' });
    expect(store.filteredNominations().map((nomination) => nomination.id)).toEqual(['n-3']);
    store.setNominationFilter({ q: 'kenia' });
    expect(store.filteredNominations().map((nomination) => nomination.id)).toEqual(['n-1', 'n-2']);
    store.setNominationFilter({ q: '', status: 'nominated', memberState: 'GHA' });
    expect(store.filteredNominations().map((nomination) => nomination.id)).toEqual(['n-3']);
  });

  it('ticks nominees one by one or all those shown, and a filter change clears the ticks', () => {
    const { store } = setUp();
    store.toggle('n-2');
    expect(store.selected()).toEqual(['n-2']);
    store.toggleAllShown();
    expect(store.selected()).toEqual(['n-1', 'n-2', 'n-3']);
    expect(store.allShownSelected()).toBe(true);
    store.toggleAllShown();
    expect(store.selected()).toEqual([]);
    store.toggle('n-1');
    store.setNominationFilter({ status: 'approved' });
    expect(store.selected()).toEqual([]);
  });

  it('decides in bulk, says which nominees the seats refused, keeps them ticked, and reloads the counts', async () => {
    const { api, store } = setUp();
    store.toggle('n-2');
    store.toggle('n-3');
    api.decide.mockReturnValue(
      of({
        results: [
          {
            nominationId: 'n-2',
            ok: false,
            status: 409,
            type: '/problems/no-seats',
            title: 'No seat left',
          },
          { nominationId: 'n-3', ok: true, nomination: { ...kofi, status: 'approved' } },
        ],
        promoted: [],
      }),
    );
    api.participation.mockClear();
    const refusals = await store.decide('approve');
    expect(api.decide).toHaveBeenCalledWith('demo', {
      nominationIds: ['n-2', 'n-3'],
      decision: 'approve',
    });
    expect(refusals).toEqual([
      {
        nominationId: 'n-2',
        key: 'participation.decisions.noSeat',
        name: 'Brian Otieno',
        state: 'KEN',
        seats: 1,
        capacity: 40,
      },
    ]);
    expect(store.selected()).toEqual(['n-2']);
    expect(api.participation).toHaveBeenCalledTimes(1);
    expect(store.busy()).toBe(false);
  });

  it('sends a decline with its reason, and rejects with the problem when the API refuses', async () => {
    const { api, store } = setUp();
    api.decide.mockReturnValueOnce(problem(400, 'validation'));
    await expect(store.decide('decline', 'Profile does not match', ['n-2'])).rejects.toMatchObject({
      status: 400,
      type: '/problems/validation',
    });
    expect(api.decide).toHaveBeenCalledWith('demo', {
      nominationIds: ['n-2'],
      decision: 'decline',
      reason: 'Profile does not match',
    });
  });

  it('gives a focal point their own State’s invitation and no figures', () => {
    const { api, store } = setUp('focal_point', 'KEN');
    expect(store.canManage()).toBe(false);
    expect(store.canNominate()).toBe(true);
    expect(store.myInvitation()?.id).toBe('inv-KEN');
    expect(api.figures).not.toHaveBeenCalled();
  });

  it('reads a refused export’s problem out of its binary body', async () => {
    const { api, store } = setUp();
    const body = new Blob(
      [JSON.stringify({ type: '/problems/validation', title: 'x', status: 400 })],
      {
        type: 'application/problem+json',
      },
    );
    api.exportParticipants.mockReturnValueOnce(
      throwError(() => new HttpErrorResponse({ status: 400, error: body })),
    );
    await expect(
      store.exportParticipants({ format: 'csv', scope: 'approved', reason: 'no' }),
    ).rejects.toMatchObject({ status: 400, type: '/problems/validation' });

    api.exportParticipants.mockReturnValueOnce(
      of(
        new HttpResponse({
          body: new Blob(['a,b']),
          headers: new HttpHeaders({
            'content-disposition': 'attachment; filename="participants-2027.csv"',
          }),
        }),
      ),
    );
    const file = await store.exportParticipants({
      format: 'csv',
      scope: 'approved',
      reason: 'Badges for security',
    });
    expect(file.fileName).toBe('participants-2027.csv');
  });
});

describe('refusals in words', () => {
  const outcome = (status = 409) => ({
    nominationId: 'n-2',
    ok: false as const,
    status,
    type: status === 409 ? '/problems/no-seats' : '/problems/nomination-transition',
    title: 'x',
  });
  it.each([
    ['the State’s seats, when they are all taken', kenyaRow, 20, 409, 'noSeat'],
    [
      'the event’s capacity, when the State still has seats',
      { ...kenyaRow, seats: 5 },
      20,
      409,
      'noCapacity',
    ],
    [
      'neither, without a capacity and with seats left',
      { ...kenyaRow, seats: 5 },
      null,
      409,
      'refused',
    ],
    ['neither, for another refusal', kenyaRow, 20, 422, 'refused'],
  ] as const)('names %s', (_, row, capacity, status, key) => {
    const refusals = refusalsOf([outcome(status)], [brian], aParticipation([row], capacity));
    expect(refusals[0]?.key).toBe(`participation.decisions.${key}`);
    expect(refusals[0]).toMatchObject({ name: 'Brian Otieno', state: 'KEN' });
  });

  it('still says who was refused when the nominee is no longer listed', () => {
    expect(refusalsOf([outcome()], [], null)[0]).toMatchObject({
      key: 'participation.decisions.refused',
      name: '',
    });
  });
});

describe('the small helpers', () => {
  it.each([
    ['', ['anything'], true],
    ['kenia', ['Kenia'], true],
    ['cote', ["Côte d'Ivoire"], true],
    ['police', ['Office of the Prosecutor'], false],
    ['  ', [], true],
  ])('matches %j in %j: %s', (query, texts, expected) => {
    expect(matches(query, texts)).toBe(expected);
  });

  it('turns calendar days into picker dates and back, and knows a deadline passed', () => {
    const date = dayToDate('2027-02-28');
    expect(date?.getDate()).toBe(28);
    expect(date && dateToDay(date)).toBe('2027-02-28');
    expect(dayToDate('28/02/2027')).toBeNull();
    const now = new Date(2027, 1, 28, 23, 59);
    expect(beforeDeadline('2027-02-28', now)).toBe(true);
    expect(beforeDeadline('2027-02-27', now)).toBe(false);
  });
});
