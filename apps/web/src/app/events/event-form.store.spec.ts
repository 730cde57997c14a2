import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import type { EventCreate, TenantMember } from '@convene/contracts';
import { provideMockStore } from '@ngrx/store/testing';
import { of, throwError } from 'rxjs';
import { aMembership, aSession } from '../auth/auth.fixtures';
import { initialAuthState } from '../auth/auth.reducer';
import { aPage, anEventDetail } from './event.fixtures';
import { EventFormStore } from './event-form.store';
import { EventsApi } from './events.api';

const aMember = (userId: string, name: string, role: TenantMember['role']): TenantMember => ({
  membershipId: `m-${userId}`,
  userId,
  email: `${userId}@demo.example`,
  name,
  role,
  memberStateAlpha3: null,
  status: 'active',
  createdAt: '2026-11-28T08:00:00.000Z',
});

const anEventCreate = (): EventCreate => {
  const { id: _id, ...event } = anEventDetail();
  return {
    type: event.type,
    title: event.title,
    summary: event.summary,
    description: event.description,
    thematicAreas: event.thematicAreas,
    targetAudiences: event.targetAudiences,
    format: event.format,
    venue: { name: 'Vienna International Centre', city: 'Vienna', countryAlpha3: 'AUT' },
    meetingLink: null,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timeZone: event.timeZone,
    workingLanguages: event.workingLanguages,
    interpretation: event.interpretation,
    capacity: event.capacity,
    hostStates: event.hostStates,
    organisers: event.organisers,
    partnerOrganisations: event.partnerOrganisations,
    responsibleOfficerId: 'user-2',
    isPublic: false,
  };
};

function setUp() {
  const api = {
    get: jest.fn(() => of(anEventDetail({ version: 3 }))),
    create: jest.fn(),
    update: jest.fn(),
    members: jest.fn((_tenant: string, role: string) =>
      of(
        role === 'tenant_admin'
          ? aPage([aMember('user-1', 'Amina Haddad', 'tenant_admin')])
          : aPage([aMember('user-2', 'Lukas Berger', 'programme_officer')]),
      ),
    ),
  };
  TestBed.configureTestingModule({
    providers: [
      EventFormStore,
      { provide: EventsApi, useValue: api },
      provideMockStore({
        initialState: {
          auth: {
            ...initialAuthState,
            status: 'authenticated',
            session: aSession([aMembership('demo', 'programme_officer')]),
            currentTenantSlug: 'demo',
          },
        },
      }),
    ],
  });
  return { api, store: TestBed.inject(EventFormStore) };
}

describe('the event form store', () => {
  it('offers the officers and the admins, by name, as responsible', () => {
    const { api, store } = setUp();
    store.open(null);
    expect(api.members).toHaveBeenCalledWith('demo', 'programme_officer');
    expect(api.members).toHaveBeenCalledWith('demo', 'tenant_admin');
    expect(store.officers().map((officer) => officer.name)).toEqual([
      'Amina Haddad',
      'Lukas Berger',
    ]);
    expect(store.status()).toBe('loaded');
    expect(api.get).not.toHaveBeenCalled();
  });

  it('creates a new event', async () => {
    const { api, store } = setUp();
    store.open(null);
    api.create.mockReturnValue(of(anEventDetail({ id: 'new-event' })));
    const saved = await store.save(anEventCreate());
    expect(api.create).toHaveBeenCalledWith('demo', anEventCreate());
    expect(saved.id).toBe('new-event');
  });

  it('saves an edit over the version it was opened at, and says when someone saved first', async () => {
    const { api, store } = setUp();
    store.open('event-1');
    expect(store.event()?.version).toBe(3);
    api.update.mockReturnValueOnce(of(anEventDetail({ version: 4 })));
    await store.save(anEventCreate());
    expect(api.update).toHaveBeenCalledWith('demo', 'event-1', { ...anEventCreate(), version: 3 });

    api.update.mockReturnValueOnce(
      throwError(
        () =>
          new HttpErrorResponse({
            status: 409,
            error: { type: '/problems/stale-version', title: 'x', status: 409 },
          }),
      ),
    );
    await expect(store.save(anEventCreate())).rejects.toMatchObject({
      type: '/problems/stale-version',
    });
    expect(api.update).toHaveBeenLastCalledWith('demo', 'event-1', {
      ...anEventCreate(),
      version: 4,
    });
  });
});
