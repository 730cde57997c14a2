import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { NavigationEnd, provideRouter, Router } from '@angular/router';
import { filter } from 'rxjs';
import { RouterTestingHarness } from '@angular/router/testing';
import { HeadingFocus } from './heading-focus';

@Component({
  template: `<h1>Events</h1>
    <a href="/t/demo/events/1">An event</a>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class EventsPage {}

@Component({
  template: `<h1>Profile</h1>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class ProfilePage {}

/** One page for every tenant: switching tenant keeps it and changes its address. */
@Component({
  template: `<h1>Tenant home</h1>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class TenantHome {}

/** A page whose heading waits for its data, as the event page does. */
@Component({
  template: `@if (loaded()) {
      <h1>The event</h1>
    } @else {
      <p>Loading…</p>
    }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class SlowPage {
  static readonly loaded = signal(false);
  protected readonly loaded = SlowPage.loaded;
}

async function setUp() {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([
        { path: 'events', component: EventsPage },
        { path: 'profile', component: ProfilePage },
        { path: 'slow', component: SlowPage },
        { path: 't/:tenant', component: TenantHome },
      ]),
    ],
  });
  TestBed.inject(HeadingFocus).start();
  const harness = await RouterTestingHarness.create();
  const router = TestBed.inject(Router);
  const go = async (url: string) => {
    await harness.navigateByUrl(url);
    await harness.fixture.whenStable();
  };
  const focusedText = () => document.activeElement?.textContent?.trim() ?? '';
  return { harness, router, go, focusedText };
}

describe('focus after navigation', () => {
  beforeEach(() => SlowPage.loaded.set(false));

  it('leaves focus alone on the first page load', async () => {
    const { go } = await setUp();
    await go('/events');
    expect(document.activeElement).toBe(document.body);
  });

  it("moves focus to the next page's heading, made focusable but not tabbable", async () => {
    const { go, focusedText } = await setUp();
    await go('/events');
    await go('/profile');
    expect(focusedText()).toBe('Profile');
    expect(document.activeElement?.tagName).toBe('H1');
    expect(document.activeElement?.getAttribute('tabindex')).toBe('-1');
  });

  it('stays where it is when only the query parameters change', async () => {
    const { go } = await setUp();
    await go('/events');
    await go('/profile');
    const link = document.createElement('button');
    document.body.appendChild(link);
    link.focus();
    await go('/profile?tab=password');
    expect(document.activeElement).toBe(link);
    link.remove();
  });

  it('waits for a heading that appears once the data has loaded', async () => {
    const { go, harness, focusedText } = await setUp();
    await go('/events');
    await go('/slow');
    expect(document.activeElement?.tagName).not.toBe('H1');
    SlowPage.loaded.set(true);
    harness.detectChanges();
    await harness.fixture.whenStable();
    // The observer reports the new heading after the DOM change, in a microtask.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(focusedText()).toBe('The event');
  });

  it('does not take focus back from someone who moved it while the page loaded', async () => {
    const { go, harness } = await setUp();
    await go('/events');
    await go('/slow');
    const search = document.createElement('input');
    document.body.appendChild(search);
    search.focus();
    SlowPage.loaded.set(true);
    harness.detectChanges();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.activeElement).toBe(search);
    search.remove();
  });

  it('moves focus when the same page shows another tenant', async () => {
    const { go, focusedText } = await setUp();
    await go('/t/demo');
    await go('/t/northwind');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(focusedText()).toBe('Tenant home');
  });

  it('waits for the menu that started the navigation to hand focus back, then moves it', async () => {
    const { go, focusedText } = await setUp();
    await go('/events');
    const trigger = document.createElement('button');
    trigger.textContent = 'Switch organisation';
    const overlay = document.createElement('div');
    overlay.className = 'cdk-overlay-pane';
    const item = document.createElement('button');
    item.textContent = 'Northwind';
    overlay.appendChild(item);
    document.body.append(trigger, overlay);
    item.focus();

    await go('/profile');
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The menu is still closing: focus stays in it.
    expect(focusedText()).toBe('Northwind');
    // The menu closes and gives focus back to its trigger; the heading takes it from there.
    overlay.remove();
    trigger.focus();
    expect(focusedText()).toBe('Profile');
    trigger.remove();
  });

  it('moves focus at once when the menu has already handed it back', async () => {
    const { go, router, focusedText } = await setUp();
    await go('/events');
    const trigger = document.createElement('button');
    const overlay = document.createElement('div');
    overlay.className = 'cdk-overlay-pane';
    const item = document.createElement('button');
    overlay.appendChild(item);
    document.body.append(trigger, overlay);
    item.focus();
    // The menu closes as the navigation ends, before the page is drawn.
    const closing = router.events
      .pipe(filter((event) => event instanceof NavigationEnd))
      .subscribe(() => trigger.focus());
    await go('/profile');
    closing.unsubscribe();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(focusedText()).toBe('Profile');
    overlay.remove();
    trigger.remove();
  });
});
