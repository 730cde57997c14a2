import { DestroyRef, inject, type Signal, signal } from '@angular/core';

/**
 * Whether a media query matches now, as a signal that follows the window; call in an injection
 * context. The browser's own `matchMedia`, without the CDK's BreakpointObserver (and the CDK
 * layout and platform code it brings), for the frame every signed-in page loads.
 */
export function mediaQuery(query: string): Signal<boolean> {
  const list = typeof window.matchMedia === 'function' ? window.matchMedia(query) : null;
  const matches = signal(list?.matches ?? false);
  if (list) {
    const follow = (event: MediaQueryListEvent) => matches.set(event.matches);
    list.addEventListener('change', follow);
    inject(DestroyRef).onDestroy(() => list.removeEventListener('change', follow));
  }
  return matches.asReadonly();
}
