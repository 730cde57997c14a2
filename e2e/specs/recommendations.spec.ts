import pg from 'pg';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import {
  BASE_URL,
  expectAccessible,
  launchBrowser,
  mainNav,
  openDialog,
  pictureEverywhere,
  signIn,
} from '../support/browser.ts';

/**
 * Recommendations through the screens: an officer records the recommendations of the demo's
 * held Kampala workshop (one addressed to Kenya and Uganda, one to the organisation) and puts
 * them in order; Kenya's focal point, whose State was not invited to that workshop, finds the
 * one addressed to Kenya on the Recommendations page (and not the other), and adds a note for
 * Kenya; the officer moves it to implemented, which the focal point then sees with its history.
 * Each screen is pictured at 1366 and 390 px in English and Arabic (e2e/screens/recommendations/).
 */

const EVENT = 'Sub-regional workshop on international cooperation in terrorism cases';
const stamp = Date.now().toString(36);
const TO_KENYA = `Central authorities should answer mutual legal assistance requests on electronic evidence within 30 days (${stamp}).\n\nThey should acknowledge each request on receipt.`;
const TO_ORGANISATION = `UNODC should publish model request forms in the six official languages (${stamp}).`;

async function dismissSnackbar(page: Page, text: string | RegExp): Promise<void> {
  const snackbar = page.locator('mat-snack-bar-container', { hasText: text });
  await snackbar.waitFor();
  await snackbar.getByRole('button', { name: 'Dismiss' }).click();
  await snackbar.waitFor({ state: 'detached' });
}

async function choose(page: Page, field: Locator, option: string): Promise<void> {
  // A person clicks the field where they see it: on an empty select that is its label, which
  // the form field passes on to the select.
  await field.locator('xpath=ancestor::mat-form-field').click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Closes a dialog by its submit button, saying what kept it open if it stays. */
async function submit(dialog: Locator, button: string): Promise<void> {
  await dialog.getByRole('button', { name: button, exact: true }).click();
  try {
    await dialog.waitFor({ state: 'detached' });
  } catch (error) {
    const shown = await dialog.innerText().catch(() => '(gone)');
    throw new Error(`The dialog stayed open, showing: ${shown}`, { cause: error });
  }
}

/** The event's Recommendations tab, its data loaded. */
async function openTab(page: Page, eventPath: string): Promise<void> {
  await page.goto(`${BASE_URL}${eventPath}?tab=recommendations`);
  await page.locator('cv-event-recommendations').waitFor();
  await page.waitForFunction(() => document.querySelector('mat-progress-bar') === null);
}

/** The Recommendations page, searched for this run's words, its rows loaded. */
async function openList(page: Page, search = stamp): Promise<void> {
  await page.goto(`${BASE_URL}/t/demo/recommendations`);
  await page.locator('cv-recommendations-list-page').waitFor();
  // The first page has come when the count speaks (the demo has recommendations).
  await page.waitForFunction(() => !!document.querySelector('.rec-count')?.textContent?.trim());
  if (search) {
    await page.getByRole('main').getByRole('searchbox').fill(search);
    // The list answers as typed, after a pause: every row shown then holds the words.
    await page.waitForFunction(
      (words) =>
        document.querySelector('mat-progress-bar') === null &&
        [...document.querySelectorAll('cv-recommendation-item')].every((row) =>
          row.textContent?.includes(words),
        ),
      search,
    );
  }
  await page.waitForFunction(() => document.querySelector('mat-progress-bar') === null);
}

const item = (page: Page, text: string) =>
  page.locator('cv-recommendation-item', { hasText: text });

async function record(
  page: Page,
  text: string,
  fill: (dialog: Locator) => Promise<void>,
  done: string,
): Promise<void> {
  const dialog = await openDialog(page, page.getByRole('button', { name: 'Add a recommendation' }));
  await dialog.getByRole('heading', { name: 'Add a recommendation' }).waitFor();
  await dialog.getByLabel('Text of the recommendation').fill(text);
  await choose(page, dialog.getByLabel('Thematic area'), 'International cooperation');
  await fill(dialog);
  await submit(dialog, 'Add');
  await dismissSnackbar(page, done);
}

/** The history of each shown recommendation, open: it is part of what is looked at. */
async function openHistories(page: Page): Promise<void> {
  for (const details of await page.locator('details.rec-history').all()) {
    await details.evaluate((element) => element.setAttribute('open', ''));
  }
}

describe('recommendations', () => {
  let browser: Browser;
  let officerContext: BrowserContext;
  let focalContext: BrowserContext;
  let officer: Page;
  let focal: Page;
  let eventPath = '';

  before(async () => {
    const url = process.env['E2E_DATABASE_URL'];
    assert.ok(url, 'run through e2e/run.mjs, which passes E2E_DATABASE_URL');
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      // A past event is not in the default list (upcoming events): its address from its title.
      const { rows } = await db.query<{ id: string }>(`select id from events where title = $1`, [
        EVENT,
      ]);
      assert.equal(rows.length, 1);
      eventPath = `/t/demo/events/${rows[0]?.id}`;
    } finally {
      await db.end();
    }
    browser = await launchBrowser();
    officerContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    focalContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    officer = await officerContext.newPage();
    focal = await focalContext.newPage();
  });
  after(() => browser.close());

  it('lets an officer record the recommendations of a held meeting and put them in order', async () => {
    await officer.goto(`${BASE_URL}/sign-in`);
    await signIn(officer, 'officer@demo.example');
    await openTab(officer, eventPath);
    await officer.getByRole('tab', { name: 'Recommendations', selected: true }).waitFor();

    // Nobody addressed: the form says so rather than sending.
    const empty = await openDialog(
      officer,
      officer.getByRole('button', { name: 'Add a recommendation' }),
    );
    await empty.getByLabel('Text of the recommendation').fill('A recommendation to nobody');
    await choose(officer, empty.getByLabel('Thematic area'), 'Training');
    await empty.getByRole('button', { name: 'Add', exact: true }).click();
    await empty
      .getByText('Address the recommendation to at least one State, the organisation or a partner.')
      .waitFor();
    await expectAccessible(officer, 'recommendation form');
    await empty.getByRole('button', { name: 'Cancel' }).click();
    await empty.waitFor({ state: 'detached' });

    await record(
      officer,
      TO_ORGANISATION,
      async (dialog) => {
        await dialog.getByRole('checkbox', { name: 'The organisation' }).check();
        await dialog.getByRole('textbox', { name: 'Partner organisations' }).fill('INTERPOL');
        await dialog.getByRole('textbox', { name: 'Partner organisations' }).press('Enter');
      },
      'R1 added.',
    );
    await record(
      officer,
      TO_KENYA,
      async (dialog) => {
        for (const [typed, option] of [
          ['Keny', /KEN\s+Kenya/],
          ['Ugand', /UGA\s+Uganda/],
        ] as const) {
          await dialog.getByRole('combobox', { name: 'Member States' }).fill(typed);
          await officer.getByRole('option', { name: option }).click();
        }
      },
      'R2 added.',
    );
    // The one to Kenya first: the meeting said it first.
    await officer.getByRole('button', { name: 'Move R2 up' }).click();
    await dismissSnackbar(officer, 'Moved: now R1.');
    const numbers = await officer.locator('cv-recommendation-item .rec-number').allInnerTexts();
    assert.deepEqual(numbers, ['R1', 'R2']);
    assert.match(await item(officer, 'within 30 days').innerText(), /^R1[\s\S]*Kenya[\s\S]*Uganda/);
    assert.match(await item(officer, 'model request forms').innerText(), /The organisation/);
    await expectAccessible(officer, 'recommendations tab');
  });

  it('lets Kenya’s focal point find the recommendation to Kenya, and add a note for Kenya', async () => {
    await focal.goto(`${BASE_URL}/sign-in`);
    await signIn(focal, 'focal@demo.example');
    await focal.goto(`${BASE_URL}/t/demo`);
    await mainNav(focal).getByRole('link', { name: 'Recommendations' }).click();
    await openList(focal);
    await item(focal, 'within 30 days').waitFor();
    // Kenya was not invited to the Kampala workshop: only what it addressed to Kenya shows.
    assert.equal(await item(focal, 'model request forms').count(), 0);
    await focal.locator('.rec-count', { hasText: 'Showing 1 recommendation' }).waitFor();
    assert.match(await item(focal, 'within 30 days').innerText(), /Open/);

    const dialog = await openDialog(focal, focal.getByRole('button', { name: 'Follow up R1' }));
    await dialog.getByText('Your note is added to the history for your State').waitFor();
    assert.equal(await dialog.getByLabel('Follow-up status').count(), 0);
    await dialog
      .getByLabel('Note')
      .fill('Kenya’s Office of the Director of Public Prosecutions adopted a 30-day target.');
    await submit(dialog, 'Save the follow-up');
    await dismissSnackbar(focal, 'Follow-up of R1 saved.');
  });

  it('lets the officer move it to implemented, which the focal point then sees with its history', async () => {
    await openList(officer);
    await item(officer, 'within 30 days').waitFor();
    const dialog = await openDialog(
      officer,
      item(officer, 'within 30 days').getByRole('button', { name: 'Follow up R1' }),
    );
    // The focal point's note is in the history, for Kenya.
    await dialog.locator('details.rec-history summary').click();
    await dialog.getByText('adopted a 30-day target').waitFor();
    assert.match(await dialog.locator('.rec-history').innerText(), /for Kenya/);
    await choose(officer, dialog.getByLabel('Follow-up status'), 'Implemented');
    await dialog.getByLabel('Note').fill('Confirmed at the follow-up meeting with Kenya.');
    await submit(dialog, 'Save the follow-up');
    await dismissSnackbar(officer, 'Follow-up of R1 saved.');
    assert.match(await item(officer, 'within 30 days').innerText(), /Implemented/);

    // The list's filters find it by status too.
    // The closed dialog's backdrop must be gone before the filter can be clicked.
    await officer.locator('.cdk-overlay-backdrop').waitFor({ state: 'detached' });
    await choose(officer, officer.getByLabel('Follow-up status'), 'Implemented');
    await officer.locator('.rec-count', { hasText: 'Showing 1 recommendation' }).waitFor();
    await item(officer, 'within 30 days').waitFor();
    assert.equal(await item(officer, 'model request forms').count(), 0);

    await openList(focal);
    const mine = item(focal, 'within 30 days');
    await mine.waitFor();
    assert.match(await mine.innerText(), /Implemented/);
    // The history is in the follow-up dialog: the officer's step and note, after Kenya's note.
    const seen = await openDialog(focal, mine.getByRole('button', { name: 'Follow up R1' }));
    await seen.locator('details.rec-history summary').click();
    const history = await seen.locator('.rec-history').innerText();
    assert.match(history, /adopted a 30-day target[\s\S]*Open → Implemented/);
    assert.match(history, /Confirmed at the follow-up meeting/);
    await seen.getByRole('button', { name: 'Cancel' }).click();
    await seen.waitFor({ state: 'detached' });
    await expectAccessible(focal, 'recommendations page of the focal point');
  });

  it('pictures the page and the tab at 1366 and 390 px in English and Arabic', async () => {
    await pictureEverywhere(
      officer,
      { folder: 'recommendations', name: 'officer-tab' },
      () => openTab(officer, eventPath),
      () => openHistories(officer),
    );
    await pictureEverywhere(
      officer,
      { folder: 'recommendations', name: 'officer-list' },
      () => openList(officer, ''),
      () => openHistories(officer),
    );
    await pictureEverywhere(
      focal,
      { folder: 'recommendations', name: 'focal-list' },
      () => openList(focal, ''),
      () => openHistories(focal),
    );
  });
});
