import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  BASE_URL,
  expectAccessible,
  launchBrowser,
  openPage,
  screenshot,
  signIn,
} from '../support/browser.ts';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Lets a confirmation snackbar go, so it covers nothing in the next screenshot. */
async function dismissSnackbar(page: Page, text: string | RegExp): Promise<void> {
  const snackbar = page.locator('mat-snack-bar-container', { hasText: text });
  await snackbar.waitFor();
  await snackbar.getByRole('button').click();
  await snackbar.waitFor({ state: 'detached' });
}

/** Fetches a feed the way a calendar app does: no cookies, no session. */
async function fetchFeed(url: string): Promise<{ status: number; type: string; body: string }> {
  const response = await fetch(url);
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    body: await response.text(),
  };
}

async function confirmIn(page: Page, heading: string, confirm: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('heading', { name: heading }).waitFor();
  await expectAccessible(page, `${heading} dialog`);
  await dialog.getByRole('button', { name: confirm, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('the calendars', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(() => browser.close());

  it('shows anyone an organisation’s public events, with a feed to subscribe to', async () => {
    const page = await openPage(browser, '/public/demo');
    await page
      .getByRole('heading', { name: 'Terrorism Prevention Branch (demo)', level: 1 })
      .waitFor();
    const workshop = page.getByRole('listitem').filter({
      has: page.getByRole('heading', {
        name: 'Regional workshop on digital evidence for East Africa',
        level: 3,
      }),
    });
    await workshop.waitFor();
    // In Nairobi's clock, named, with the country in words.
    await workshop.getByText('Nairobi, Kenya').waitFor();
    await workshop.getByText(/^(EAT|GMT\+3)$/).waitFor();
    await workshop.getByText('English and French').waitFor();
    await page
      .getByRole('heading', { name: 'Webinar: financing of terrorism through crypto-assets' })
      .waitFor();
    // Only what the organisation made public; and nobody is sent to sign in.
    assert.equal(await page.getByText('Expert group meeting on online propaganda').count(), 0);
    assert.equal(new URL(page.url()).pathname, '/public/demo');
    await expectAccessible(page, 'public events');
    await screenshot(page, 'public-events');

    const link = page.getByRole('textbox', { name: 'Calendar link (iCal)' });
    const feedUrl = await link.inputValue();
    assert.equal(feedUrl, `${BASE_URL}/api/public/demo/events.ics`);
    // From the keyboard: the link, then its copy button.
    await link.focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await dismissSnackbar(page, 'Copied');
    assert.equal(
      await page.getByRole('link', { name: 'Download .ics file' }).getAttribute('href'),
      '/api/public/demo/events.ics',
    );
    const feed = await fetchFeed(feedUrl);
    assert.equal(feed.status, 200);
    assert.match(feed.type, /^text\/calendar/);
    assert.match(feed.body, /^BEGIN:VCALENDAR/);
    assert.match(feed.body, /Regional workshop on digital evidence for East Africa/);
    assert.doesNotMatch(feed.body, /online propaganda/);

    // Right to left, in Arabic.
    await page.getByRole('button', { name: /Change language/ }).click();
    await page.getByRole('menuitemradio', { name: /العربية/ }).click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByRole('heading', { name: 'الفعاليات القادمة', level: 2 }).waitFor();
    // The country in Arabic after an Arabic comma; the city as the organisers wrote it, isolated.
    await page.getByText(/\u2068Nairobi\u2069، كينيا/).waitFor();
    await expectAccessible(page, 'public events in Arabic');
    await screenshot(page, 'public-events-arabic');
    await page.context().close();
  });

  it('tells a visitor that an unknown organisation has no calendar', async () => {
    const page = await openPage(browser, '/public/no-such-organisation');
    await page
      .getByRole('heading', { name: 'We could not find this calendar', level: 1 })
      .waitFor();
    assert.equal(new URL(page.url()).pathname, '/public/no-such-organisation');
    await expectAccessible(page, 'unknown public calendar');
    await screenshot(page, 'public-events-not-found');
    await page.context().close();
  });

  it('gives an officer a private feed of their events, to replace or turn off', async () => {
    const page = await openPage(browser, '/sign-in');
    await signIn(page, 'officer@demo.example');
    // The events list leads officers to their organisation's public page.
    await page.goto(`${BASE_URL}/t/demo/events`);
    const publicPage = page.getByRole('link', { name: /^Public page/ });
    assert.equal(await publicPage.getAttribute('href'), '/public/demo');

    await page.goto(`${BASE_URL}/profile`);
    const card = page.locator('cv-calendar-feed');
    await card.getByRole('heading', { name: 'Calendar feed' }).waitFor();
    await card.getByText('You have no calendar feed.').waitFor();

    await card.getByRole('button', { name: 'Create feed URL' }).click();
    const field = card.getByRole('textbox', { name: 'Your feed URL' });
    await field.waitFor();
    const first = await field.inputValue();
    assert.match(first, new RegExp(`^${escape(BASE_URL)}/api/calendar/[\\w-]+/events\\.ics$`));
    await card.getByText('it will not be shown again').waitFor();
    await dismissSnackbar(page, 'Your calendar feed is on.');
    await card.getByRole('button', { name: 'Copy Your feed URL' }).click();
    await dismissSnackbar(page, 'Copied');

    // What the officer organises, public or not.
    const feed = await fetchFeed(first);
    assert.equal(feed.status, 200);
    assert.match(feed.type, /^text\/calendar/);
    assert.match(feed.body, /^BEGIN:VCALENDAR/);
    assert.match(feed.body, /Expert group meeting on online propaganda/);

    await card.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await page.mouse.move(0, 0);
    await page.locator('mat-tooltip-component').waitFor({ state: 'hidden' });
    await expectAccessible(page, 'profile with a new calendar feed');
    await screenshot(page, 'profile-calendar-feed');

    // Shown once: back on the page, only the date is left.
    await page.reload();
    await card.getByText('Your calendar feed is on.').waitFor();
    assert.equal(await card.getByRole('textbox', { name: 'Your feed URL' }).count(), 0);

    await card.getByRole('button', { name: 'Replace URL' }).click();
    await confirmIn(page, 'Replace the feed URL?', 'Replace URL');
    await dismissSnackbar(page, 'A new URL replaces the old one.');
    const second = await field.inputValue();
    assert.notEqual(second, first);
    assert.equal((await fetchFeed(first)).status, 404);
    assert.equal((await fetchFeed(second)).status, 200);

    await card.getByRole('button', { name: 'Turn off' }).click();
    await confirmIn(page, 'Turn off your calendar feed?', 'Turn off');
    await dismissSnackbar(page, 'Your calendar feed is off.');
    await card.getByText('You have no calendar feed.').waitFor();
    assert.equal(await field.count(), 0);
    assert.equal((await fetchFeed(second)).status, 404);
    await expectAccessible(page, 'profile with the calendar feed off');
    await page.context().close();
  });
});
