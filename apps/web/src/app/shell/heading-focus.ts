import { DOCUMENT } from '@angular/common';
import {
  afterNextRender,
  DestroyRef,
  EnvironmentInjector,
  inject,
  Injectable,
} from '@angular/core';
import { NavigationEnd, Router } from '@angular/router';
import { filter } from 'rxjs';

/** How long a page may take to show its heading (its data still loading) before we give up. */
export const HEADING_WAIT_MS = 5000;

/** The address without its query and fragment: what decides whether the page changed. */
function pathOf(url: string): string {
  return url.split(/[?#]/, 1)[0] ?? url;
}

/**
 * After each navigation to another page (not the first load, not a change of query
 * parameters only), moves keyboard and screen-reader focus to the new page's heading, as a
 * full page load would put them at its top. A page still loading its data gets its heading a
 * little later: focus follows when it appears, unless the person has moved focus meanwhile.
 */
@Injectable({ providedIn: 'root' })
export class HeadingFocus {
  private readonly router = inject(Router);
  private readonly injector = inject(EnvironmentInjector);
  private readonly document = inject(DOCUMENT);
  private readonly destroyRef = inject(DestroyRef);
  private previousPath: string | null = null;
  private cancelWaiting: (() => void) | null = null;

  start(): void {
    const subscription = this.router.events
      .pipe(filter((event) => event instanceof NavigationEnd))
      .subscribe((event) => {
        const path = pathOf(event.urlAfterRedirects);
        const firstLoad = this.previousPath === null;
        const samePage = path === this.previousPath;
        this.previousPath = path;
        if (firstLoad || samePage) return;
        this.focusHeadingOnceShown();
      });
    this.destroyRef.onDestroy(() => {
      subscription.unsubscribe();
      this.cancelWaiting?.();
    });
  }

  private focusHeadingOnceShown(): void {
    this.cancelWaiting?.();
    this.cancelWaiting = null;
    // What had focus when the navigation ended: usually the link that was followed.
    const focusedBefore = this.document.activeElement;
    afterNextRender(
      {
        read: () => {
          const heading = this.heading();
          if (heading) this.focus(heading, focusedBefore);
          else this.waitForHeading(focusedBefore);
        },
      },
      { injector: this.injector },
    );
  }

  private waitForHeading(focusedBefore: Element | null): void {
    const view = this.document.defaultView;
    if (!view) return;
    const observer = new view.MutationObserver(() => {
      const heading = this.heading();
      if (!heading) return;
      stop();
      this.focus(heading, focusedBefore);
    });
    const timer = view.setTimeout(() => stop(), HEADING_WAIT_MS);
    const stop = () => {
      observer.disconnect();
      view.clearTimeout(timer);
      if (this.cancelWaiting === stop) this.cancelWaiting = null;
    };
    this.cancelWaiting = stop;
    observer.observe(this.document.body, { childList: true, subtree: true });
  }

  /** The page's own heading: inside the main region when there is one (the shell's). */
  private heading(): HTMLElement | null {
    return (
      this.document.querySelector<HTMLElement>('main h1') ??
      this.document.querySelector<HTMLElement>('h1')
    );
  }

  private focus(heading: HTMLElement, focusedBefore: Element | null): void {
    const active = this.document.activeElement;
    const untouched =
      active === null ||
      active === this.document.body ||
      active === focusedBefore ||
      !active.isConnected;
    // The person has already gone somewhere else on the page: leave them there.
    if (!untouched) return;
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }
}
