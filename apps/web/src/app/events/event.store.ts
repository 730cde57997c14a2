import { computed, inject } from '@angular/core';
import type {
  Agenda,
  AgendaSessionInput,
  EventDetail,
  EventTransition,
  ProblemDetails,
} from '@convene/contracts';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { Store } from '@ngrx/store';
import { catchError, EMPTY, firstValueFrom, type Observable, pipe, switchMap, tap } from 'rxjs';
import { selectCurrentMembership } from '../auth/auth.selectors';
import { toProblem } from '../http/problem';
import type { LoadStatus } from '../shared/keyset-list';
import { EventsApi } from './events.api';

interface EventState {
  eventId: string | null;
  event: EventDetail | null;
  status: LoadStatus;
  problem: ProblemDetails | null;
  agenda: Agenda | null;
  agendaStatus: LoadStatus;
  agendaProblem: ProblemDetails | null;
  /** A change to the agenda is on its way; the agenda's buttons wait meanwhile. */
  agendaBusy: boolean;
}

const initialState: EventState = {
  eventId: null,
  event: null,
  status: 'idle',
  problem: null,
  agenda: null,
  agendaStatus: 'idle',
  agendaProblem: null,
  agendaBusy: false,
};

/** A session moved by some places in a list of ids; the same list when it cannot move. */
export function moveId(ids: readonly string[], id: string, step: number): string[] {
  const from = ids.indexOf(id);
  const to = from + step;
  if (from < 0 || to < 0 || to >= ids.length) return [...ids];
  const moved = [...ids];
  moved.splice(from, 1);
  moved.splice(to, 0, id);
  return moved;
}

/**
 * One event for its page: the details, the agenda and the lifecycle.
 * Changes return promises that reject with problem details, so dialogs
 * can stay open and say why.
 */
export const EventStore = signalStore(
  withState(initialState),
  withComputed((state, store = inject(Store)) => {
    const membership = store.selectSignal(selectCurrentMembership);
    return {
      tenantSlug: computed(() => {
        const current = membership();
        return current?.permissions.includes('events.read') ? current.tenant.slug : null;
      }),
      canManage: computed(() => membership()?.permissions.includes('events.manage') ?? false),
      /** Officers manage the event's participation; focal points nominate for their State. */
      canParticipate: computed(() => {
        const permissions = membership()?.permissions ?? [];
        return (
          permissions.includes('participation.manage') ||
          permissions.includes('participation.nominate')
        );
      }),
      /** Officers keep the event's experts (the Experts tab). */
      canManageExperts: computed(
        () => membership()?.permissions.includes('experts.manage') ?? false,
      ),
      sessions: computed(() => state.agenda()?.sessions ?? []),
      warnings: computed(() => state.agenda()?.warnings ?? []),
    };
  }),
  withMethods((store, api = inject(EventsApi)) => {
    const tenant = (): string => {
      const slug = store.tenantSlug();
      if (!slug) throw new Error('The event page needs a current tenant');
      return slug;
    };
    const eventId = (): string => {
      const id = store.eventId();
      if (!id) throw new Error('No event is open');
      return id;
    };

    const loadEvent = rxMethod<string>(
      pipe(
        tap(() => patchState(store, { status: 'loading', problem: null })),
        switchMap((id) =>
          api.get(tenant(), id).pipe(
            tap((event) => patchState(store, { event, status: 'loaded' })),
            catchError((error: unknown) => {
              patchState(store, { status: 'error', problem: toProblem(error) });
              return EMPTY;
            }),
          ),
        ),
      ),
    );

    const loadAgenda = rxMethod<string>(
      pipe(
        tap(() => patchState(store, { agendaStatus: 'loading', agendaProblem: null })),
        switchMap((id) =>
          api.agenda(tenant(), id).pipe(
            tap((agenda) => patchState(store, { agenda, agendaStatus: 'loaded' })),
            catchError((error: unknown) => {
              patchState(store, { agendaStatus: 'error', agendaProblem: toProblem(error) });
              return EMPTY;
            }),
          ),
        ),
      ),
    );

    /** One change to the agenda; the answer is the whole agenda again, with its warnings. */
    const changeAgenda = async (request: Observable<Agenda>): Promise<Agenda> => {
      patchState(store, { agendaBusy: true });
      try {
        const agenda = await firstValueFrom(request);
        patchState(store, { agenda, agendaStatus: 'loaded', agendaProblem: null });
        return agenda;
      } catch (error) {
        throw toProblem(error);
      } finally {
        patchState(store, { agendaBusy: false });
      }
    };

    const reorder = async (sessionIds: string[]): Promise<Agenda> => {
      const before = store.agenda();
      if (before) {
        // Show the new order at once; put the old one back if the server refuses.
        const byId = new Map(before.sessions.map((session) => [session.id, session]));
        const sessions = sessionIds.flatMap((id, position) => {
          const session = byId.get(id);
          return session ? [{ ...session, position }] : [];
        });
        patchState(store, { agenda: { ...before, sessions } });
      }
      try {
        return await changeAgenda(api.reorder(tenant(), eventId(), sessionIds));
      } catch (problem) {
        if (before) patchState(store, { agenda: before });
        throw problem;
      }
    };

    return {
      /** Opens an event (and its agenda); the same one again only reloads. */
      load(id: string): void {
        if (id !== store.eventId()) patchState(store, { ...initialState });
        patchState(store, { eventId: id });
        loadEvent(id);
        loadAgenda(id);
      },
      reload(): void {
        loadEvent(eventId());
      },
      reloadAgenda(): void {
        loadAgenda(eventId());
      },
      async transition(change: Omit<EventTransition, 'version'>): Promise<EventDetail> {
        const current = store.event();
        try {
          const event = await firstValueFrom(
            api.transition(tenant(), eventId(), { ...change, version: current?.version }),
          );
          patchState(store, { event });
          return event;
        } catch (error) {
          const problem = toProblem(error);
          // 409: someone moved the event on meanwhile; show where it stands now.
          if (problem.status === 409) loadEvent(eventId());
          throw problem;
        }
      },
      async duplicate(): Promise<EventDetail> {
        try {
          return await firstValueFrom(api.duplicate(tenant(), eventId()));
        } catch (error) {
          throw toProblem(error);
        }
      },
      addSession(session: AgendaSessionInput): Promise<Agenda> {
        return changeAgenda(api.addSession(tenant(), eventId(), session));
      },
      updateSession(sessionId: string, session: AgendaSessionInput): Promise<Agenda> {
        return changeAgenda(api.updateSession(tenant(), eventId(), sessionId, session));
      },
      deleteSession(sessionId: string): Promise<Agenda> {
        return changeAgenda(api.deleteSession(tenant(), eventId(), sessionId));
      },
      reorder,
      /** Moves a session up (-1) or down (1) one place. */
      moveSession(sessionId: string, step: number): Promise<Agenda> {
        const ids = store.sessions().map((session) => session.id);
        return reorder(moveId(ids, sessionId, step));
      },
    };
  }),
);
