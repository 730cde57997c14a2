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
/** How long a menu that started the navigation may take to close and hand focus back. */
export const MENU_CLOSE_WAIT_MS = 1000;

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
  /** Undoes whatever the last navigation still waits for. */
  private cleanups: (() => void)[] = [];

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
      this.cancel();
    });
  }

  private cancel(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  private focusHeadingOnceShown(): void {
    this.cancel();
    const view = this.document.defaultView;
    if (!view) return;
    // What had focus when the navigation ended: usually the link that was followed.
    const focusedBefore = this.document.activeElement;
    // The new page is drawn in the render the navigation scheduled. A page kept from the last
    // address (another tenant's home) may need no new render: a task later, it is drawn too.
    let done = false;
    const shown = () => {
      if (done) return;
      done = true;
      rendered.destroy();
      view.clearTimeout(timer);
      this.afterMenuCloses(focusedBefore, (focused) => this.focusOrWait(focused));
    };
    const rendered = afterNextRender({ read: shown }, { injector: this.injector });
    const timer = view.setTimeout(shown, 0);
    this.cleanups.push(() => {
      done = true;
      rendered.destroy();
      view.clearTimeout(timer);
    });
  }

  /**
   * A menu item that navigates (switching tenant) closes its menu afterwards, and the menu
   * hands focus back to its trigger: the heading takes focus after that, not before.
   */
  private afterMenuCloses(
    focusedBefore: Element | null,
    next: (focused: Element | null) => void,
  ): void {
    const overlay = focusedBefore?.closest('.cdk-overlay-pane');
    const view = this.document.defaultView;
    if (!overlay || !view) {
      next(focusedBefore);
      return;
    }
    // Closed already: focus is wherever the menu put it.
    if (!overlay.contains(this.document.activeElement)) {
      next(this.document.activeElement);
      return;
    }
    const finish = () => {
      stop();
      next(this.document.activeElement);
    };
    const onFocus = (event: FocusEvent) => {
      if (!(event.target instanceof Node) || !overlay.contains(event.target)) finish();
    };
    const timer = view.setTimeout(finish, MENU_CLOSE_WAIT_MS);
    const stop = () => {
      this.document.removeEventListener('focusin', onFocus, true);
      view.clearTimeout(timer);
    };
    this.document.addEventListener('focusin', onFocus, true);
    this.cleanups.push(stop);
  }

  private focusOrWait(focusedBefore: Element | null): void {
    const heading = this.heading();
    if (heading) {
      this.focus(heading, focusedBefore);
      return;
    }
    const view = this.document.defaultView;
    if (!view) return;
    const observer = new view.MutationObserver(() => {
      const appeared = this.heading();
      if (!appeared) return;
      stop();
      this.focus(appeared, focusedBefore);
    });
    const timer = view.setTimeout(() => stop(), HEADING_WAIT_MS);
    const stop = () => {
      observer.disconnect();
      view.clearTimeout(timer);
    };
    observer.observe(this.document.body, { childList: true, subtree: true });
    this.cleanups.push(stop);
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
