import { computed, inject } from '@angular/core';
import type { CertificateVerification, ProblemDetails } from '@convene/contracts';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { catchError, EMPTY, pipe, switchMap, tap } from 'rxjs';
import { toProblem } from '../http/problem';
import type { LoadStatus } from '../shared/keyset-list';
import { VerifyApi } from './verify.api';

interface VerifyState {
  status: LoadStatus;
  certificate: CertificateVerification | null;
  problem: ProblemDetails | null;
}

const initialState: VerifyState = { status: 'idle', certificate: null, problem: null };

/** What the verification page knows of the certificate its address names. Provided on its route. */
export const VerifyStore = signalStore(
  withState(initialState),
  withComputed((state) => ({
    /** No certificate has this code in this organisation (or the address is not one). */
    notFound: computed(() => state.status() === 'error' && state.problem()?.status === 404),
  })),
  withMethods((store, api = inject(VerifyApi)) => ({
    /** Checks a code; checking another cancels a slower earlier answer. */
    check: rxMethod<{ slug: string; code: string }>(
      pipe(
        tap(() => patchState(store, { status: 'loading', certificate: null, problem: null })),
        switchMap(({ slug, code }) =>
          api.verify(slug, code).pipe(
            tap((certificate) => patchState(store, { status: 'loaded', certificate })),
            catchError((error: unknown) => {
              patchState(store, { status: 'error', problem: toProblem(error) });
              return EMPTY;
            }),
          ),
        ),
      ),
    ),
  })),
);
