import { computed, inject } from '@angular/core';
import type {
  AssignmentCreate,
  EventExperts,
  ExpertAssignment,
  ProblemDetails,
} from '@convene/contracts';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { Store } from '@ngrx/store';
import { firstValueFrom } from 'rxjs';
import { selectCurrentMembership } from '../auth/auth.selectors';
import { toProblem } from '../http/problem';
import type { LoadStatus } from '../shared/keyset-list';
import { ExpertsApi } from './experts.api';

interface EventExpertsState {
  eventId: string | null;
  experts: EventExperts | null;
  status: LoadStatus;
  problem: ProblemDetails | null;
  /** Assignments with a change on its way. */
  busy: string[];
}

const initialState: EventExpertsState = {
  eventId: null,
  experts: null,
  status: 'idle',
  problem: null,
  busy: [],
};

/**
 * The event page's Experts tab (officers): the assignments, the declarations still missing and
 * the panel's balance, reloaded whole after each change (the balance and declarations follow).
 */
export const EventExpertsStore = signalStore(
  withState(initialState),
  withComputed((state, store = inject(Store)) => {
    const membership = store.selectSignal(selectCurrentMembership);
    return {
      tenantSlug: computed(() => {
        const current = membership();
        return current?.permissions.includes('experts.manage') ? current.tenant.slug : null;
      }),
      assignments: computed(() => state.experts()?.assignments ?? []),
      missingDeclarations: computed(
        () => state.experts()?.declarations.filter((entry) => !entry.declaration) ?? [],
      ),
      filedDeclarations: computed(
        () => state.experts()?.declarations.filter((entry) => !!entry.declaration) ?? [],
      ),
    };
  }),
  withMethods((store, api = inject(ExpertsApi)) => {
    const tenant = () => {
      const slug = store.tenantSlug();
      if (!slug) throw new Error('The Experts tab needs a tenant whose experts this role keeps');
      return slug;
    };
    const refresh = async (eventId: string) => {
      const experts = await firstValueFrom(api.eventExperts(tenant(), eventId));
      if (store.eventId() === eventId) patchState(store, { experts, status: 'loaded' });
    };
    return {
      async load(eventId: string): Promise<void> {
        patchState(store, { eventId, status: 'loading', problem: null });
        try {
          await refresh(eventId);
        } catch (error) {
          patchState(store, { status: 'error', problem: toProblem(error) });
        }
      },
      /** Asks an expert; rejects with the problem, for the dialog to show. */
      async assign(assignment: AssignmentCreate): Promise<ExpertAssignment> {
        const eventId = store.eventId();
        if (!eventId) throw new Error('No event loaded');
        try {
          const created = await firstValueFrom(api.assign(tenant(), eventId, assignment));
          await refresh(eventId);
          return created;
        } catch (error) {
          throw toProblem(error);
        }
      },
      async withdraw(assignment: ExpertAssignment): Promise<void> {
        patchState(store, { busy: [...store.busy(), assignment.id] });
        try {
          await firstValueFrom(api.withdraw(tenant(), assignment));
          await refresh(assignment.eventId);
        } catch (error) {
          throw toProblem(error);
        } finally {
          patchState(store, { busy: store.busy().filter((id) => id !== assignment.id) });
        }
      },
    };
  }),
);
