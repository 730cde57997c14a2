import { InjectionToken } from '@angular/core';

/** What time it is, as a token so tests can fix it. */
export const CLOCK = new InjectionToken<() => Date>('clock', {
  providedIn: 'root',
  factory: () => () => new Date(),
});
