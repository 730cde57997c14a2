import { computed, inject } from '@angular/core';
import type { EventCreate, EventDetail, ProblemDetails } from '@convene/contracts';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { Store } from '@ngrx/store';
import { firstValueFrom, forkJoin } from 'rxjs';
import { selectCurrentMembership, selectUser } from '../auth/auth.selectors';
import { toProblem } from '../http/problem';
import type { LoadStatus } from '../shared/keyset-list';
import { EventsApi } from './events.api';

/** Someone who can be responsible for an event: an officer or an admin of the tenant. */
export interface Officer {
  id: string;
  name: string;
  email: string;
}

interface EventFormState {
  /** The event being edited; null for a new one. */
  event: EventDetail | null;
  status: LoadStatus;
  problem: ProblemDetails | null;
  officers: Officer[];
  officersStatus: LoadStatus;
}

const initialState: EventFormState = {
  event: null,
  status: 'idle',
  problem: null,
  officers: [],
  officersStatus: 'idle',
};

/** The new-event and edit-event form's data: the event, and who may be responsible for it. */
export const EventFormStore = signalStore(
  withState(initialState),
  withComputed((_state, store = inject(Store)) => {
    const membership = store.selectSignal(selectCurrentMembership);
    const user = store.selectSignal(selectUser);
    return {
      tenantSlug: computed(() => {
        const current = membership();
        return current?.permissions.includes('events.manage') ? current.tenant.slug : null;
      }),
      currentUserId: computed(() => user()?.id ?? null),
    };
  }),
  withMethods((store, api = inject(EventsApi)) => {
    const tenant = (): string => {
      const slug = store.tenantSlug();
      if (!slug) throw new Error('The event form needs a tenant where events can be planned');
      return slug;
    };

    const loadOfficers = () => {
      patchState(store, { officersStatus: 'loading' });
      forkJoin([
        api.members(tenant(), 'programme_officer'),
        api.members(tenant(), 'tenant_admin'),
      ]).subscribe({
        next: (pages) => {
          const collator = new Intl.Collator();
          const officers = pages
            .flatMap((page) => page.items)
            .map((member) => ({ id: member.userId, name: member.name, email: member.email }))
            .filter((officer, index, all) => all.findIndex((o) => o.id === officer.id) === index)
            .sort((a, b) => collator.compare(a.name, b.name));
          patchState(store, { officers, officersStatus: 'loaded' });
        },
        error: () => patchState(store, { officersStatus: 'error' }),
      });
    };

    return {
      /** A blank form (null) or an event to edit; and the officers to choose from. */
      open(eventId: string | null): void {
        patchState(store, { ...initialState });
        loadOfficers();
        if (!eventId) {
          patchState(store, { status: 'loaded' });
          return;
        }
        patchState(store, { status: 'loading' });
        api.get(tenant(), eventId).subscribe({
          next: (event) => patchState(store, { event, status: 'loaded' }),
          error: (error: unknown) =>
            patchState(store, { status: 'error', problem: toProblem(error) }),
        });
      },
      reloadOfficers: loadOfficers,
      /** Creates the event, or saves it over the version the form was opened at. */
      async save(event: EventCreate): Promise<EventDetail> {
        const editing = store.event();
        try {
          const saved = await firstValueFrom(
            editing
              ? api.update(tenant(), editing.id, { ...event, version: editing.version })
              : api.create(tenant(), event),
          );
          patchState(store, { event: saved });
          return saved;
        } catch (error) {
          throw toProblem(error);
        }
      },
    };
  }),
);
