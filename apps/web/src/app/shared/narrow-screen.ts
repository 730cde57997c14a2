import { BreakpointObserver } from '@angular/cdk/layout';
import { inject, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { map } from 'rxjs';

/** A phone held upright: lists stack their rows, filters fold away, the calendar lists days. */
export const NARROW_SCREEN = '(max-width: 599.98px)';

/** Whether the window is a phone's width now; call in an injection context. */
export function narrowScreen(): Signal<boolean> {
  const breakpoints = inject(BreakpointObserver);
  return toSignal(breakpoints.observe(NARROW_SCREEN).pipe(map((state) => state.matches)), {
    initialValue: breakpoints.isMatched(NARROW_SCREEN),
  });
}
