import { HttpErrorResponse } from '@angular/common/http';
import { computed, inject } from '@angular/core';
import type { ProblemDetails } from '@convene/contracts';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { Store } from '@ngrx/store';
import { EMPTY, expand, firstValueFrom, map, type Observable, reduce } from 'rxjs';
import { selectCurrentMembership } from '../auth/auth.selectors';
import { toProblem } from '../http/problem';
import { MemberStatesCatalog } from '../member-states/member-states-catalog.store';
import type { LoadStatus } from '../shared/keyset-list';
import { ParticipationApi } from './participation.api';
import type {
  EventParticipation,
  InvitationStatus,
  NominationCreate,
  NominationDecisionKind,
  NominationDecisionOutcome,
  NominationFull,
  NominationPage,
  NominationStatus,
  ParticipantExportRequest,
  ParticipationFigures,
  ParticipationSettingsInput,
  StateInvitation,
  StateInvitationCreate,
  StateInvitationResult,
} from './participation.models';

export interface InvitationFilter {
  q: string;
  status: InvitationStatus | null;
}

export interface NominationFilter {
  q: string;
  status: NominationStatus | null;
  memberState: string | null;
}

interface ParticipationState {
  eventId: string | null;
  participation: EventParticipation | null;
  status: LoadStatus;
  problem: ProblemDetails | null;
  nominations: NominationFull[];
  nominationsStatus: LoadStatus;
  nominationsProblem: ProblemDetails | null;
  figures: ParticipationFigures | null;
  figuresStatus: LoadStatus;
  invitationFilter: InvitationFilter;
  nominationFilter: NominationFilter;
  /** Nominations ticked for a bulk decision. */
  selected: string[];
  busy: boolean;
}

const initialState: ParticipationState = {
  eventId: null,
  participation: null,
  status: 'idle',
  problem: null,
  nominations: [],
  nominationsStatus: 'idle',
  nominationsProblem: null,
  figures: null,
  figuresStatus: 'idle',
  invitationFilter: { q: '', status: null },
  nominationFilter: { q: '', status: null, memberState: null },
  selected: [],
  busy: false,
};

/** A focal point may still edit or withdraw a nomination nobody has decided on. */
export const editableByFocalPoint = (nomination: Pick<NominationFull, 'status'>): boolean =>
  nomination.status === 'nominated';

/** Case- and accent-insensitive search in a few texts. */
export function matches(query: string, texts: readonly (string | null | undefined)[]): boolean {
  const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
  const needle = fold(query.trim());
  if (!needle) return true;
  return texts.some((text) => !!text && fold(text).includes(needle));
}

/** Every page of a keyset list, one after the other, as one array. */
export function allPages<T>(
  first: Observable<{ items: T[]; nextCursor: string | null }>,
  next: (cursor: string) => Observable<{ items: T[]; nextCursor: string | null }>,
): Observable<T[]> {
  return first.pipe(
    expand((page) => (page.nextCursor ? next(page.nextCursor) : EMPTY)),
    reduce((items: T[], page) => [...items, ...page.items], []),
  );
}

const fullOnly = (page: NominationPage) => ({
  nextCursor: page.nextCursor,
  items: page.items.filter((item): item is NominationFull => item.view === 'full'),
});

/**
 * A bulk decision's refusals, each in words: the State's seats ("No seat left for Kenya: 20 of
 * 20 taken"), the event's capacity, or the problem's own reason.
 */
export interface Refusal {
  nominationId: string;
  key: string;
  name: string;
  state: string | null;
  seats: number | null;
  capacity: number | null;
}

export function refusalsOf(
  outcomes: NominationDecisionOutcome[],
  nominations: readonly NominationFull[],
  participation: EventParticipation | null,
): Refusal[] {
  const byId = new Map(nominations.map((nomination) => [nomination.id, nomination]));
  const invitations = new Map(
    (participation?.states ?? []).map((invitation) => [invitation.id, invitation]),
  );
  return outcomes.flatMap((outcome): Refusal[] => {
    if (outcome.ok) return [];
    const nomination = byId.get(outcome.nominationId);
    const invitation = nomination ? invitations.get(nomination.invitationId) : undefined;
    const capacity = participation?.totals.capacity ?? null;
    const refusal = {
      nominationId: outcome.nominationId,
      name: nomination?.fullName ?? '',
      state: invitation?.memberState ?? nomination?.memberStateCode ?? null,
      seats: invitation?.seats ?? null,
      capacity,
    };
    // One problem (409 no-seats) for both limits: the State's full seats say which one it was.
    if (outcome.status === 409 && invitation && invitation.counts.approved >= invitation.seats) {
      return [{ ...refusal, key: 'participation.decisions.noSeat' }];
    }
    if (outcome.status === 409 && capacity !== null) {
      return [{ ...refusal, key: 'participation.decisions.noCapacity' }];
    }
    return [{ ...refusal, key: 'participation.decisions.refused' }];
  });
}

/**
 * An event's participation for its page: invited States with their counts, nominees, live
 * figures. Officers see every State; a focal point, through the same routes, their own.
 * Changes return promises that reject with problem details, so dialogs can stay open and say why.
 */
export const ParticipationStore = signalStore(
  withState(initialState),
  withComputed((state, store = inject(Store), catalog = inject(MemberStatesCatalog)) => {
    const membership = store.selectSignal(selectCurrentMembership);
    /** A State is found by its code or its name in any UN language. */
    const stateTexts = (code: string): string[] => {
      const known = catalog.byAlpha3().get(code);
      return known ? [code, ...Object.values(known.names)] : [code];
    };
    const rows = computed(() => state.participation()?.states ?? []);
    return {
      tenantSlug: computed(() => membership()?.tenant.slug ?? null),
      canManage: computed(
        () => membership()?.permissions.includes('participation.manage') ?? false,
      ),
      canExport: computed(
        () => membership()?.permissions.includes('participation.export') ?? false,
      ),
      canNominate: computed(
        () => membership()?.permissions.includes('participation.nominate') ?? false,
      ),
      memberState: computed(() => membership()?.memberStateAlpha3 ?? null),
      rows,
      filteredRows: computed(() => {
        const { q, status } = state.invitationFilter();
        return rows().filter(
          (row) => (!status || row.status === status) && matches(q, stateTexts(row.memberState)),
        );
      }),
      pendingSeatRequests: computed(() =>
        rows().filter((row) => row.seatRequest?.status === 'pending'),
      ),
      filteredNominations: computed(() => {
        const { q, status, memberState } = state.nominationFilter();
        return state
          .nominations()
          .filter(
            (nomination) =>
              (!status || nomination.status === status) &&
              (!memberState || nomination.memberStateCode === memberState) &&
              matches(q, [
                nomination.fullName,
                nomination.participant.email,
                nomination.institution,
                ...stateTexts(nomination.memberStateCode),
              ]),
          );
      }),
    };
  }),
  withComputed((state) => ({
    selectedCount: computed(() => state.selected().length),
    allShownSelected: computed(() => {
      const shown = state.filteredNominations();
      const selected = new Set(state.selected());
      return shown.length > 0 && shown.every((nomination) => selected.has(nomination.id));
    }),
    /** The invitation of the focal point's State, if it is invited. */
    myInvitation: computed(() => {
      const code = state.memberState();
      return state.rows().find((row) => row.memberState === code) ?? null;
    }),
  })),
  withMethods((store, api = inject(ParticipationApi)) => {
    const tenant = (): string => {
      const slug = store.tenantSlug();
      if (!slug) throw new Error('The participation tab needs a current tenant');
      return slug;
    };
    const eventId = (): string => {
      const id = store.eventId();
      if (!id) throw new Error('No event is open');
      return id;
    };

    const loadParticipation = (): void => {
      patchState(store, { status: 'loading', problem: null });
      api.participation(tenant(), eventId()).subscribe({
        next: (participation) => patchState(store, { participation, status: 'loaded' }),
        error: (error: unknown) =>
          patchState(store, { status: 'error', problem: toProblem(error) }),
      });
    };
    const loadNominations = (): void => {
      const slug = tenant();
      const id = eventId();
      patchState(store, { nominationsStatus: 'loading', nominationsProblem: null });
      allPages(api.nominations(slug, id).pipe(map(fullOnly)), (cursor) =>
        api.nominations(slug, id, cursor).pipe(map(fullOnly)),
      ).subscribe({
        next: (nominations) => {
          const present = new Set(nominations.map((nomination) => nomination.id));
          patchState(store, {
            nominations,
            nominationsStatus: 'loaded',
            selected: store.selected().filter((selected) => present.has(selected)),
          });
        },
        error: (error: unknown) =>
          patchState(store, { nominationsStatus: 'error', nominationsProblem: toProblem(error) }),
      });
    };
    const loadFigures = (): void => {
      if (!store.canManage()) return;
      patchState(store, { figuresStatus: 'loading' });
      api.figures(tenant(), eventId()).subscribe({
        next: (figures) => patchState(store, { figures, figuresStatus: 'loaded' }),
        error: () => patchState(store, { figuresStatus: 'error' }),
      });
    };
    const refresh = (): void => {
      loadParticipation();
      loadNominations();
      loadFigures();
    };

    /** One change; then everything the tab shows is asked again, since the counts move with it. */
    const change = async <T>(request: Observable<T>): Promise<T> => {
      patchState(store, { busy: true });
      try {
        return await firstValueFrom(request);
      } catch (error) {
        throw toProblem(error);
      } finally {
        patchState(store, { busy: false });
        refresh();
      }
    };

    return {
      load(id: string): void {
        if (id !== store.eventId()) patchState(store, { ...initialState });
        patchState(store, { eventId: id });
        refresh();
      },
      refresh,
      reloadParticipation: loadParticipation,
      reloadNominations: loadNominations,
      reloadFigures: loadFigures,
      setInvitationFilter(filter: Partial<InvitationFilter>): void {
        patchState(store, { invitationFilter: { ...store.invitationFilter(), ...filter } });
      },
      setNominationFilter(filter: Partial<NominationFilter>): void {
        patchState(store, {
          nominationFilter: { ...store.nominationFilter(), ...filter },
          selected: [],
        });
      },
      toggle(id: string): void {
        const selected = store.selected();
        patchState(store, {
          selected: selected.includes(id)
            ? selected.filter((other) => other !== id)
            : [...selected, id],
        });
      },
      toggleAllShown(): void {
        patchState(store, {
          selected: store.allShownSelected()
            ? []
            : store.filteredNominations().map((nomination) => nomination.id),
        });
      },
      clearSelection(): void {
        patchState(store, { selected: [] });
      },
      invite(body: StateInvitationCreate): Promise<StateInvitationResult> {
        return change(api.invite(tenant(), eventId(), body));
      },
      saveSettings(settings: ParticipationSettingsInput) {
        return change(api.saveSettings(tenant(), eventId(), settings));
      },
      updateInvitation(row: StateInvitation, seats: number, nominationDeadline: string) {
        return change(
          api.updateInvitation(tenant(), eventId(), row.id, {
            seats,
            nominationDeadline,
            version: row.version,
          }),
        );
      },
      withdraw(row: StateInvitation) {
        return change(api.withdrawInvitation(tenant(), eventId(), row.id));
      },
      remind(row: StateInvitation) {
        return change(api.remind(tenant(), eventId(), row.id));
      },
      answerSeatRequest(row: StateInvitation, decision: 'grant' | 'refuse', answer?: string) {
        return change(api.answerSeatRequest(tenant(), eventId(), row.id, decision, answer));
      },
      accept(row: StateInvitation) {
        return change(api.accept(tenant(), eventId(), row.id));
      },
      decline(row: StateInvitation, reason: string) {
        return change(api.decline(tenant(), eventId(), row.id, reason));
      },
      askSeats(row: StateInvitation, seats: number, reason: string) {
        return change(api.askSeats(tenant(), eventId(), row.id, seats, reason));
      },
      nominate(body: NominationCreate) {
        return change(api.nominate(tenant(), eventId(), body));
      },
      updateNomination(nomination: NominationFull, body: NominationCreate) {
        return change(
          api.updateNomination(tenant(), nomination.id, { ...body, version: nomination.version }),
        );
      },
      withdrawNomination(nomination: NominationFull) {
        return change(api.withdrawNomination(tenant(), nomination.id, nomination.version));
      },
      /**
       * One decision on the given nominees (the ticked ones by default). Resolves with the
       * refusals, each in words; the ticks stay on the refused ones, the others clear.
       */
      async decide(
        decision: NominationDecisionKind,
        reason?: string,
        ids: string[] = store.selected(),
      ): Promise<Refusal[]> {
        const nominations = store.nominations();
        const participation = store.participation();
        const result = await change(
          api.decide(tenant(), { nominationIds: ids, decision, ...(reason ? { reason } : {}) }),
        );
        const refusals = refusalsOf(result.results, nominations, participation);
        patchState(store, { selected: refusals.map((refusal) => refusal.nominationId) });
        return refusals;
      },
      /** The participant list as a file to save, and the name the server gave it. */
      async exportParticipants(request: ParticipantExportRequest): Promise<{
        blob: Blob;
        fileName: string;
      }> {
        try {
          const response = await firstValueFrom(
            api.exportParticipants(tenant(), eventId(), request),
          );
          const disposition = response.headers.get('content-disposition') ?? '';
          const named = /filename="?([^";]+)"?/.exec(disposition)?.[1];
          return {
            blob: response.body ?? new Blob([]),
            fileName: named ?? `participants.${request.format}`,
          };
        } catch (error) {
          throw await problemOfBlob(error);
        }
      },
    };
  }),
);

/** A failed download's problem: its body arrives as a Blob, read back into problem details. */
export async function problemOfBlob(error: unknown): Promise<ProblemDetails> {
  if (error instanceof HttpErrorResponse && error.error instanceof Blob) {
    try {
      const parsed: unknown = JSON.parse(await readText(error.error));
      return toProblem(
        new HttpErrorResponse({
          error: parsed,
          status: error.status,
          statusText: error.statusText,
          headers: error.headers,
        }),
      );
    } catch {
      return toProblem(error);
    }
  }
  return toProblem(error);
}

/** A Blob's text, through FileReader (which every browser and jsdom have). */
function readText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('The answer could not be read'));
    reader.readAsText(blob);
  });
}
