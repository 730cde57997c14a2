import { computed, inject } from '@angular/core';
import type {
  AttendanceStatus,
  CertificatesIssued,
  CheckInEntry,
  CheckInPage,
  ProblemDetails,
} from '@convene/contracts';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { Store } from '@ngrx/store';
import { firstValueFrom } from 'rxjs';
import { selectCurrentMembership } from '../auth/auth.selectors';
import { toProblem } from '../http/problem';
import { type KeysetListState, keysetPaging } from '../shared/keyset-list';
import { CheckInApi } from './check-in.api';

interface CheckInState extends KeysetListState {
  eventId: string | null;
  /** The day asked for; null until the first page says which day it is. */
  day: string | null;
  q: string;
  event: CheckInPage['event'] | null;
  totals: CheckInPage['totals'] | null;
  entries: CheckInEntry[];
  /** The participants whose attendance is being saved. */
  saving: string[];
}

const initialState: CheckInState = {
  eventId: null,
  day: null,
  q: '',
  event: null,
  totals: null,
  entries: [],
  saving: [],
  nextCursor: null,
  status: 'idle',
  problem: null,
  loadingMore: false,
};

type Totals = CheckInPage['totals'];

/** The totals once one person's status changed from `before` to `after`. */
function recount(totals: Totals, before: AttendanceStatus | null, after: AttendanceStatus): Totals {
  const next = { ...totals };
  if (before) next[before] = Math.max(0, next[before] - 1);
  next[after] += 1;
  return next;
}

/**
 * An event day's check-in at the door: the list of the day with a search, a tick per person,
 * and check-in by a scanned or typed code. Changes return promises that reject with problem
 * details, so the page can say why where the officer is looking. Provided on its route.
 */
export const CheckInStore = signalStore(
  withState(initialState),
  withComputed((state, store = inject(Store)) => {
    const membership = store.selectSignal(selectCurrentMembership);
    return {
      tenantSlug: computed(() => {
        const current = membership();
        return current?.permissions.includes('participation.manage') ? current.tenant.slug : null;
      }),
      present: computed(() => {
        const totals = state.totals();
        return totals ? totals.attended + totals.partly : 0;
      }),
      notFound: computed(() => state.status() === 'error' && state.problem()?.status === 404),
    };
  }),
  withMethods((store, api = inject(CheckInApi)) => {
    const tenant = (): string => {
      const slug = store.tenantSlug();
      if (!slug) throw new Error('Check-in needs a tenant whose participation the person manages');
      return slug;
    };
    const eventId = (): string => {
      const id = store.eventId();
      if (!id) throw new Error('No event is open');
      return id;
    };
    const paging = keysetPaging(store, {
      items: 'entries',
      fetch: (filter: { day: string | null; q: string }, after) =>
        api.list(tenant(), eventId(), filter, after),
      filter: () => ({ day: store.day(), q: store.q() }),
      fromFirstPage: (page) => ({ event: page.event, day: page.day, totals: page.totals }),
    });

    /** Puts a saved entry in the list (if shown) and in the totals. */
    const applied = (entry: CheckInEntry, before: AttendanceStatus | null): CheckInEntry => {
      const totals = store.totals();
      patchState(store, {
        entries: store
          .entries()
          .map((shown) => (shown.nominationId === entry.nominationId ? entry : shown)),
        ...(totals && entry.status && entry.day === store.day() && before !== entry.status
          ? { totals: recount(totals, before, entry.status) }
          : {}),
      });
      return entry;
    };

    const rejecting = async <T>(work: Promise<T>): Promise<T> => {
      try {
        return await work;
      } catch (error) {
        throw toProblem(error) satisfies ProblemDetails;
      }
    };

    return {
      open(id: string): void {
        if (id !== store.eventId()) patchState(store, { ...initialState, eventId: id });
        paging.loadFirstPage({ day: store.day(), q: store.q() });
      },
      chooseDay(day: string): void {
        patchState(store, { day });
        paging.loadFirstPage({ day, q: store.q() });
      },
      search(q: string): void {
        patchState(store, { q });
        paging.loadFirstPage({ day: store.day(), q });
      },
      reload(): void {
        paging.loadFirstPage({ day: store.day(), q: store.q() });
      },
      loadMore: paging.loadMore,

      /** Records attended, partly or absent for a person on the day shown. */
      async mark(entry: CheckInEntry, status: AttendanceStatus): Promise<CheckInEntry> {
        const day = store.day();
        if (!day) throw new Error('No day is shown');
        patchState(store, { saving: [...store.saving(), entry.nominationId] });
        try {
          const saved = await rejecting(
            firstValueFrom(api.record(tenant(), eventId(), entry.nominationId, day, status)),
          );
          return applied(saved, entry.status);
        } finally {
          patchState(store, {
            saving: store.saving().filter((id) => id !== entry.nominationId),
          });
        }
      },

      /** Checks in the person whose code was scanned or typed, on the day shown. */
      async checkIn(code: string): Promise<CheckInEntry> {
        const day = store.day();
        if (!day) throw new Error('No day is shown');
        const shown = store.entries();
        const saved = await rejecting(firstValueFrom(api.checkIn(tenant(), eventId(), day, code)));
        const before = shown.find((entry) => entry.nominationId === saved.nominationId);
        if (before) return applied(saved, before.status);
        // Someone the search hides: the list and its totals are read again.
        paging.loadFirstPage({ day, q: store.q() });
        return saved;
      },

      issueCertificates(): Promise<CertificatesIssued> {
        return rejecting(firstValueFrom(api.issueCertificates(tenant(), eventId())));
      },
    };
  }),
);
