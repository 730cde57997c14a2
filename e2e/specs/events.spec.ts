import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  BASE_URL,
  expectAccessible,
  launchBrowser,
  mainNav,
  openDialog,
  openPage,
  screenshot,
  signIn,
} from '../support/browser.ts';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A day two months ahead, as the form's English date field writes it, and its month's name. */
function aDayAhead(offsetDays = 0) {
  const now = new Date();
  const day = new Date(now.getFullYear(), now.getMonth() + 2, 10 + offsetDays);
  return {
    typed: `${day.getMonth() + 1}/${day.getDate()}/${day.getFullYear()}`,
    iso: `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`,
    month: new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric' }).format(day),
  };
}

/** What a Vienna clock shows at an instant. */
const viennaClock = (instant: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Vienna',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(new Date(instant))
    .replace(',', '');

async function chooseOptions(page: Page, field: Locator, ...options: string[]): Promise<void> {
  await field.click();
  for (const option of options) {
    await page.getByRole('option', { name: option, exact: true }).click();
  }
  // A multiple select stays open; a single one has closed already.
  if ((await page.locator('.mat-mdc-select-panel').count()) > 0)
    await page.keyboard.press('Escape');
}

/** Lets a confirmation snackbar go, so it covers nothing in the next screenshot. */
async function dismissSnackbar(page: Page, text: string | RegExp): Promise<void> {
  const snackbar = page.locator('mat-snack-bar-container', { hasText: text });
  await snackbar.waitFor();
  await snackbar.getByRole('button', { name: 'Dismiss' }).click();
  await snackbar.waitFor({ state: 'detached' });
}

async function addSession(
  page: Page,
  title: string,
  start: string,
  end: string,
  room: string,
): Promise<void> {
  const dialog = await openDialog(page, page.getByRole('button', { name: 'Add session' }));
  await dialog.getByRole('heading', { name: 'Add a session' }).waitFor();
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Start time').fill(start);
  await dialog.getByLabel('Start time').press('Tab');
  await dialog.getByLabel('End time').fill(end);
  await dialog.getByLabel('End time').press('Tab');
  await dialog.getByLabel('Room').fill(room);
  await dialog.getByRole('button', { name: 'Add session' }).click();
  try {
    await dialog.waitFor({ state: 'detached' });
  } catch (error) {
    // Say what kept it open (a field's error, the API's answer), not only that it stayed.
    const shown = await dialog.innerText().catch(() => '(gone)');
    throw new Error(`The session dialog stayed open, showing: ${shown}`, { cause: error });
  }
  await dismissSnackbar(page, 'The session was added.');
}

async function transition(page: Page, action: string, confirm: string, status: string) {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('heading', { name: new RegExp(`^${escape(action)}`) }).waitFor();
  await expectAccessible(page, `${action} dialog`);
  await dialog.getByRole('button', { name: confirm, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  // The chip draws its icon, then its name.
  await page
    .locator('.event-heading cv-event-status', { hasText: new RegExp(`${status}\\s*$`) })
    .waitFor();
}

describe('the events', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(() => browser.close());

  it('lets an officer plan a workshop in Vienna, give it an agenda and open nominations', async () => {
    const title = `Workshop on cross-border evidence ${Date.now()}`;
    const first = aDayAhead();
    const second = aDayAhead(1);
    const page = await openPage(browser, '/sign-in');
    await signIn(page, 'officer@demo.example');
    // Lukas is also an expert elsewhere: work in the demo tenant.
    await page.goto(`${BASE_URL}/t/demo`);
    await mainNav(page).getByRole('link', { name: 'Events' }).click();
    await page.getByRole('heading', { name: 'Events', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Expert group meeting on online propaganda' }).waitFor();
    await expectAccessible(page, 'events list');
    await screenshot(page, 'events-list');

    await page.getByRole('link', { name: 'New event' }).click();
    await page.getByRole('heading', { name: 'New event', level: 1 }).waitFor();
    await chooseOptions(page, page.getByRole('combobox', { name: 'Type' }), 'Regional workshop');
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page
      .getByLabel('Summary')
      .fill('Investigators and prosecutors compare how they obtain evidence held abroad.');
    await chooseOptions(
      page,
      page.getByRole('combobox', { name: 'Thematic areas' }),
      'Investigations and digital evidence',
      'International cooperation',
    );
    await chooseOptions(
      page,
      page.getByRole('combobox', { name: 'Target audiences' }),
      'Investigators',
      'Prosecutors',
    );
    await page.getByLabel('Venue', { exact: true }).fill('Vienna International Centre');
    await page.getByLabel('City', { exact: true }).fill('Vienna');
    await page.getByLabel('Country').fill('Austria');
    await page.getByRole('option', { name: /Austria/ }).click();

    await page.getByLabel('Venue time zone').fill('Vienna');
    // Each zone is offered by its place and its name; the field keeps the IANA name.
    await page.getByRole('option', { name: /Vienna, Austria.*Central European Time/ }).click();
    assert.equal(await page.getByLabel('Venue time zone').inputValue(), 'Europe/Vienna');
    await page.getByLabel('Start date').fill(first.typed);
    await page.getByLabel('Start date').press('Tab');
    await page.getByLabel('Start time').fill('09:00');
    await page.getByLabel('Start time').press('Tab');
    await page.getByLabel('End date').fill(second.typed);
    await page.getByLabel('End date').press('Tab');
    await page.getByLabel('End time').fill('17:00');
    await page.getByLabel('End time').press('Tab');
    await page
      .getByText(/Times are in the venue's clock: Central European (Standard|Summer) Time/)
      .waitFor();

    await chooseOptions(
      page,
      page.getByRole('combobox', { name: 'Working languages' }),
      'English',
      'French',
    );
    await page.getByLabel('Capacity').fill('40');
    // The planner is responsible for what they create, unless they say otherwise.
    await page
      .getByRole('combobox', { name: 'Responsible officer' })
      .getByText('Lukas Berger')
      .waitFor();
    const organisers = page.getByRole('textbox', { name: 'Organisers' });
    await organisers.fill('UNODC');
    await organisers.press('Enter');
    await expectAccessible(page, 'event form');
    await page.getByRole('heading', { name: 'New event', level: 1 }).scrollIntoViewIfNeeded();
    await screenshot(page, 'event-form');

    await page.getByRole('button', { name: 'Create event' }).click();
    await page.waitForURL(/\/t\/demo\/events\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await dismissSnackbar(page, `${title} was created as a draft.`);

    // 09:00 in Vienna is stored as the instant Vienna's clock shows 09:00 at, summer or winter.
    const eventId = page.url().split('/').at(-1) ?? '';
    const saved = await (await page.request.get(`${BASE_URL}/api/t/demo/events/${eventId}`)).json();
    assert.equal(viennaClock(saved.startsAt), `${first.iso} 09:00`);
    assert.equal(viennaClock(saved.endsAt), `${second.iso} 17:00`);
    assert.equal(saved.timeZone, 'Europe/Vienna');
    assert.equal(saved.status, 'draft');
    await page
      .getByText(/Vienna International Centre/)
      .first()
      .waitFor();
    await expectAccessible(page, 'event overview');
    await screenshot(page, 'event-overview');

    await page.getByRole('tab', { name: 'Agenda' }).click();
    await page.getByText('No sessions yet').waitFor();
    await addSession(page, 'Evidence held abroad', '11:00', '12:30', 'Room B');
    await addSession(page, 'Opening and objectives', '09:00', '10:30', 'Plenary');
    const sessions = page.locator('.agenda-item h3');
    assert.deepEqual(await sessions.allInnerTexts(), [
      'Evidence held abroad',
      'Opening and objectives',
    ]);
    // From the keyboard: the opening moves up, and the focus goes with it.
    await page.getByRole('button', { name: 'Move Opening and objectives up' }).click();
    await page.waitForFunction(
      () =>
        document.querySelector('.agenda-item h3')?.textContent?.trim() === 'Opening and objectives',
    );
    assert.deepEqual(await sessions.allInnerTexts(), [
      'Opening and objectives',
      'Evidence held abroad',
    ]);
    await page
      .getByRole('tab', { name: /Agenda/ })
      .getByText('2')
      .waitFor();
    // The moved session's button keeps the focus and the pointer, so its tooltip may be fading
    // in (after its delay, past the wait for animations): axe would read its colours halfway.
    // Neither it nor the picture needs it.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.mouse.move(100, 800);
    await page.locator('mat-tooltip-component').waitFor({ state: 'hidden' });
    await expectAccessible(page, 'event agenda');
    await screenshot(page, 'event-agenda');

    await transition(page, 'Plan', 'Plan event', 'Planned');
    await dismissSnackbar(page, `${title} is planned.`);
    await transition(page, 'Open nominations', 'Open nominations', 'Open for nominations');
    await dismissSnackbar(page, `Nominations are open for ${title}.`);
    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByText('By Lukas Berger').first().waitFor();
    assert.equal(await page.locator('.history-entry').count(), 3);

    await page.getByRole('link', { name: 'Back to events' }).click();
    await page.getByRole('heading', { name: 'Events', level: 1 }).waitFor();
    await page.getByRole('radio', { name: 'Calendar' }).click();
    const heading = page.locator('.calendar-title');
    await heading.waitFor();
    // Step month by month, each time waiting for the heading to move on: reading it straight
    // after the click can see the month before, and step past the one wanted.
    for (let step = 0; step < 3 && (await heading.innerText()) !== first.month; step++) {
      const shown = await heading.innerText();
      await page.getByRole('button', { name: 'Next month' }).click();
      await page.waitForFunction(
        (before) => document.querySelector('.calendar-title')?.textContent?.trim() !== before,
        shown,
      );
    }
    assert.equal(await heading.innerText(), first.month);
    const chips = page.getByRole('link', { name: new RegExp(escape(title)) });
    await chips.first().waitFor();
    // On both days of the workshop.
    assert.equal(await chips.count(), 2);
    await page.locator('.events-results mat-progress-bar').waitFor({ state: 'detached' });
    await page.mouse.move(100, 800);
    await page.locator('mat-tooltip-component').waitFor({ state: 'hidden' });
    await page.evaluate(() => document.querySelector('.calendar-bar')?.scrollIntoView());
    await expectAccessible(page, 'events calendar');
    await screenshot(page, 'events-calendar');

    await chips.first().focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await page.context().close();
  });

  it('shows a focal point their State’s events, and nothing to plan', async () => {
    const page = await openPage(browser, '/sign-in');
    await signIn(page, 'focal@demo.example');
    await page.goto(`${BASE_URL}/t/demo`);
    await mainNav(page).getByRole('link', { name: 'Events' }).click();
    await page.getByRole('heading', { name: 'Events', level: 1 }).waitFor();
    await page
      .getByRole('link', { name: 'Regional workshop on digital evidence for East Africa' })
      .waitFor();
    assert.equal(await page.getByRole('link', { name: 'New event' }).count(), 0);
    // Vienna's meeting is not hosted by Kenya, but Kenya is invited to it: it concerns them.
    await page.getByRole('link', { name: 'Expert group meeting on online propaganda' }).waitFor();
    // A draft stays with the planners.
    assert.equal(
      await page
        .getByRole('link', { name: 'Training of trainers: legal and policy frameworks' })
        .count(),
      0,
    );

    await page
      .getByRole('link', { name: 'Regional workshop on digital evidence for East Africa' })
      .click();
    await page.getByRole('tab', { name: 'Overview' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Close nominations' }).count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Edit' }).count(), 0);
    await page.getByRole('link', { name: 'Add to calendar' }).waitFor();

    // The form itself sends them home.
    await page.goto(`${BASE_URL}/t/demo/events/new`);
    await page.waitForURL((url) => url.pathname === '/t/demo');
    await page.context().close();
  });
});
