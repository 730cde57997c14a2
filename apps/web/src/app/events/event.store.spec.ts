import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import type { Agenda, Role } from '@convene/contracts';
import { provideMockStore } from '@ngrx/store/testing';
import { of, throwError } from 'rxjs';
import { aMembership, aSession as aSignedInSession } from '../auth/auth.fixtures';
import { initialAuthState } from '../auth/auth.reducer';
import { anEventDetail, aSession } from './event.fixtures';
import { EventStore, moveId } from './event.store';
import { EventsApi } from './events.api';

const agenda = (...ids: string[]): Agenda => ({
  sessions: ids.map((id, position) => aSession(id, { position })),
  warnings: [],
});

const problem = (status: number, type: string) =>
  throwError(
    () =>
      new HttpErrorResponse({ status, error: { type: `/problems/${type}`, title: 'x', status } }),
  );

function setUp(role: Role = 'programme_officer') {
  const api = {
    get: jest.fn(() => of(anEventDetail())),
    agenda: jest.fn(() => of(agenda('s1', 's2', 's3'))),
    transition: jest.fn(),
    duplicate: jest.fn(),
    addSession: jest.fn(),
    updateSession: jest.fn(),
    deleteSession: jest.fn(),
    reorder: jest.fn(),
    members: jest.fn(),
  };
  TestBed.configureTestingModule({
    providers: [
      EventStore,
      { provide: EventsApi, useValue: api },
      provideMockStore({
        initialState: {
          auth: {
            ...initialAuthState,
            status: 'authenticated',
            session: aSignedInSession([aMembership('demo', role)]),
            currentTenantSlug: 'demo',
          },
        },
      }),
    ],
  });
  const store = TestBed.inject(EventStore);
  store.load('event-1');
  return { api, store };
}

describe('the event store', () => {
  it('opens an event with its agenda', () => {
    const { api, store } = setUp();
    expect(api.get).toHaveBeenCalledWith('demo', 'event-1');
    expect(api.agenda).toHaveBeenCalledWith('demo', 'event-1');
    expect(store.event()?.title).toBe('Regional workshop on digital evidence');
    expect(store.sessions().map((session) => session.id)).toEqual(['s1', 's2', 's3']);
    expect(store.canManage()).toBe(true);
  });

  it('plans the event with the version it was read at', async () => {
    const { api, store } = setUp();
    api.transition.mockReturnValue(
      of(anEventDetail({ status: 'planned', version: 2, allowedActions: ['open_nominations'] })),
    );
    const planned = await store.transition({ action: 'plan' });
    expect(api.transition).toHaveBeenCalledWith('demo', 'event-1', { action: 'plan', version: 1 });
    expect(planned.status).toBe('planned');
    expect(store.event()?.allowedActions).toEqual(['open_nominations']);
  });

  it('shows where the event stands when someone moved it on meanwhile', async () => {
    const { api, store } = setUp();
    api.transition.mockReturnValue(problem(409, 'stale-version'));
    api.get.mockReturnValue(of(anEventDetail({ status: 'planned', version: 2 })));
    await expect(store.transition({ action: 'plan' })).rejects.toMatchObject({ status: 409 });
    expect(api.get).toHaveBeenCalledTimes(2);
    expect(store.event()?.status).toBe('planned');
  });

  it('keeps the agenda the server answers with, warnings included', async () => {
    const { api, store } = setUp();
    const answer: Agenda = {
      ...agenda('s1', 's2', 's3', 's4'),
      warnings: [{ kind: 'room_overlap', room: 'Room A', sessionIds: ['s1', 's4'] }],
    };
    api.addSession.mockReturnValue(of(answer));
    const input = {
      title: 'Closing',
      description: '',
      startsAt: '2027-03-31T13:00:00.000Z',
      endsAt: '2027-03-31T14:00:00.000Z',
      room: 'Room A',
      speakerUserIds: [],
      guestSpeakers: [],
    };
    await store.addSession(input);
    expect(api.addSession).toHaveBeenCalledWith('demo', 'event-1', input);
    expect(store.sessions()).toHaveLength(4);
    expect(store.warnings()).toEqual(answer.warnings);
    expect(store.agendaBusy()).toBe(false);
  });

  it('moves a session down at once, and puts it back when the server refuses', async () => {
    const { api, store } = setUp();
    api.reorder.mockReturnValueOnce(of(agenda('s1', 's3', 's2')));
    await store.moveSession('s2', 1);
    expect(api.reorder).toHaveBeenCalledWith('demo', 'event-1', ['s1', 's3', 's2']);
    expect(store.sessions().map((session) => session.id)).toEqual(['s1', 's3', 's2']);

    api.reorder.mockReturnValueOnce(problem(400, 'validation'));
    await expect(store.reorder(['s2', 's1', 's3'])).rejects.toMatchObject({ status: 400 });
    expect(store.sessions().map((session) => session.id)).toEqual(['s1', 's3', 's2']);
  });

  it('moves ids within bounds', () => {
    expect(moveId(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(moveId(['a', 'b', 'c'], 'c', 1)).toEqual(['a', 'b', 'c']);
    expect(moveId(['a', 'b', 'c'], 'a', 1)).toEqual(['b', 'a', 'c']);
    expect(moveId(['a', 'b', 'c'], 'c', -2)).toEqual(['c', 'a', 'b']);
  });

  it('says why the agenda is missing, and tries again', () => {
    const { api, store } = setUp('focal_point');
    expect(store.canManage()).toBe(false);
    api.agenda.mockReturnValueOnce(problem(500, 'internal'));
    store.reloadAgenda();
    expect(store.agendaStatus()).toBe('error');
    store.reloadAgenda();
    expect(store.agendaStatus()).toBe('loaded');
  });
});
