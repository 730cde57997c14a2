import { effect, inject, untracked } from '@angular/core';
import { MemberStatesCatalog } from './member-states-catalog.store';

/**
 * Asks for the list of States (their names in six languages) once `namesStates` is true: for a
 * panel that shows States by name only for some people or some data, so that a page that names
 * none never loads it. Call in an injection context (a constructor or a field initialiser).
 */
export function loadStateNamesWhen(namesStates: () => boolean): void {
  const catalog = inject(MemberStatesCatalog);
  effect(() => {
    if (namesStates()) untracked(() => catalog.ensureLoaded());
  });
}
