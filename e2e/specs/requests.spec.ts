import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import PDFDocument from 'pdfkit';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import {
  BASE_URL,
  expectAccessible,
  expectNoSidewaysScroll,
  launchBrowser,
  mainNav,
  pictureEverywhere,
  resetLanguage,
  screenshotWhole,
  signIn,
} from '../support/browser.ts';

/**
 * Assistance requests through the screens: Kenya's focal point starts a request, which saves
 * itself as they type; they leave, come back through their home page, complete and submit it. The
 * officer asks for information; the focal point completes it and resubmits; the officer starts
 * the needs assessment, approves it and creates the event that answers it, prefilled from the
 * request. The inbox, the board, the request and the form are pictured at 1366 and 390 px in
 * English and Arabic (e2e/screens/requests/).
 */

const stamp = Date.now().toString(36);
const TITLE = `Digital evidence for prosecutors ${stamp}`;

async function dismissSnackbar(page: Page, text: string | RegExp): Promise<void> {
  const snackbar = page.locator('mat-snack-bar-container', { hasText: text });
  await snackbar.waitFor();
  await snackbar.getByRole('button', { name: 'Dismiss' }).click();
  await snackbar.waitFor({ state: 'detached' });
}

/** Picks options of a Material select (several for a multiple one), then closes it. */
async function choose(page: Page, field: Locator, ...options: string[]): Promise<void> {
  // Opened from the keyboard: a click may land on the sticky header or the field's label.
  await field.focus();
  await page.keyboard.press('Enter');
  for (const option of options) {
    await page.getByRole('option', { name: option, exact: true }).click();
  }
  if (options.length > 1 || (await page.getByRole('listbox').count()) > 0) {
    await page.keyboard.press('Escape');
  }
  await page.getByRole('listbox').waitFor({ state: 'detached' });
}

const autosave = (page: Page) => page.locator('.req-autosave');

/** A real PDF holding `words`, as an officer's computer would have it. */
function pdf(words: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const document = new PDFDocument();
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
    document.text(words);
    document.end();
  });
}

/** Waits until the draft form shows the saved draft (its title loaded). */
async function formLoaded(page: Page, title: string): Promise<void> {
  await page.waitForFunction(
    (expected) =>
      (document.querySelector('input[formcontrolname="title"]') as HTMLInputElement | null)
        ?.value === expected,
    title,
  );
}

/** Waits until the form has saved what was typed (the indicator says so, nothing pending). */
async function saved(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('.req-autosave')?.textContent?.includes('Draft saved') === true,
  );
}

async function openRequest(page: Page, id: string): Promise<void> {
  await page.goto(`${BASE_URL}/t/demo/requests/${id}`);
  await page.locator('cv-request-page h1').waitFor();
}

async function step(page: Page, action: string, reason?: string): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).click();
  if (reason !== undefined) {
    await page.getByRole('textbox', { name: /What the State should add|Why it/ }).fill(reason);
    await page.locator('form.req-step').getByRole('button', { name: action, exact: true }).click();
  }
}

/** Pictures of one screen at both sizes in both languages, axe-checked, nothing sideways. */
async function picture(page: Page, name: string, open: () => Promise<void>): Promise<void> {
  for (const language of ['en', 'ar'] as const) {
    await resetLanguage(page, language);
    for (const size of [
      { width: 1366, height: 768 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(size);
      await open();
      await page.waitForFunction(() => document.querySelector('mat-progress-bar') === null);
      await page.evaluate(async () => {
        await document.fonts.ready;
      });
      const where = `${name} at ${size.width} in ${language}`;
      await expectAccessible(page, where);
      if (size.width < 600) await expectNoSidewaysScroll(page, where);
      await screenshotWhole(page, `requests/${size.width}-${language}-${name}`);
    }
  }
  await resetLanguage(page, 'en');
  await page.setViewportSize({ width: 1366, height: 768 });
}

describe('assistance requests', () => {
  let browser: Browser;
  let focalContext: BrowserContext;
  let officerContext: BrowserContext;
  let focal: Page;
  let officer: Page;
  let requestId = '';

  before(async () => {
    browser = await launchBrowser();
    focalContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    officerContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    focal = await focalContext.newPage();
    officer = await officerContext.newPage();
  });
  after(() => browser.close());

  it('lets a focal point start a request that saves itself, leave, and come back to it', async () => {
    await signIn(focal, 'focal@demo.example');
    await mainNav(focal).getByRole('link', { name: 'Requests' }).click();
    await focal.getByRole('heading', { name: 'Assistance requests' }).waitFor();
    await focal.getByRole('link', { name: 'New request' }).click();
    await focal.getByRole('heading', { name: 'New request for assistance' }).waitFor();
    await focal.getByRole('textbox', { name: 'Title' }).fill(TITLE);
    // The first save creates the draft and gives the page its address.
    await focal.waitForURL(/\/t\/demo\/requests\/[0-9a-f-]{36}\/edit$/);
    requestId = /requests\/([0-9a-f-]{36})\/edit/.exec(focal.url())?.[1] ?? '';
    assert.ok(requestId);
    await saved(focal);
    await focal
      .getByRole('textbox', { name: 'What your State needs' })
      .fill('Prosecutors need to obtain electronic evidence held abroad.');
    await saved(focal);
    await expectAccessible(focal, 'the draft form');

    // Away, then back through the list: the draft is there, as it was left.
    await mainNav(focal).getByRole('link', { name: 'Home' }).click();
    await focal.getByRole('heading', { name: 'Your State’s requests' }).waitFor();
    await focal.locator('cv-requests-panel').getByRole('link', { name: TITLE }).click();
    await focal.getByRole('heading', { name: TITLE }).waitFor();
    await focal.getByText('Draft', { exact: true }).first().waitFor();
    await focal.getByRole('link', { name: 'Continue the draft' }).click();
    await formLoaded(focal, TITLE);
    assert.match(
      await focal.getByRole('textbox', { name: 'What your State needs' }).inputValue(),
      /electronic evidence held abroad/,
    );
  });

  it('submits the request once it is complete', async () => {
    assert.ok(await focal.getByRole('button', { name: 'Submit the request' }).isDisabled());
    await choose(
      focal,
      focal.getByRole('combobox', { name: 'Thematic areas' }),
      'Investigations and digital evidence',
      'International cooperation',
    );
    await choose(focal, focal.getByRole('combobox', { name: 'Target audiences' }), 'Prosecutors');
    await choose(focal, focal.getByRole('combobox', { name: 'Priority' }), 'High');
    await choose(
      focal,
      focal.getByRole('combobox', { name: 'Preferred modality' }),
      'National workshop',
    );
    await focal.getByLabel('Preferred period from').fill('2027-03-01');
    await focal.getByLabel('Preferred period to').fill('2027-03-31');
    await saved(focal);
    await focal.getByRole('button', { name: 'Submit the request' }).click();
    await dismissSnackbar(focal, 'The request is submitted.');
    await focal.waitForURL(new RegExp(`/t/demo/requests/${requestId}$`));
    await focal.locator('cv-request-status', { hasText: 'Submitted' }).waitFor();
    assert.equal(await autosave(focal).count(), 0);
  });

  it('lets the officer ask for information, and the focal point complete and resubmit', async () => {
    await signIn(officer, 'officer@demo.example');
    await mainNav(officer).getByRole('link', { name: 'Requests' }).click();
    await officer.getByRole('link', { name: TITLE }).waitFor();
    await openRequest(officer, requestId);
    await step(officer, 'Ask for information', 'How many prosecutors would attend?');
    await dismissSnackbar(officer, 'The State has been asked for information.');
    await officer.locator('cv-request-status', { hasText: 'Information requested' }).waitFor();
    // An internal note stays with the officers.
    await officer.getByRole('textbox', { name: 'Message' }).fill(`Budget line 4 ${stamp}`);
    await officer.getByRole('checkbox', { name: 'Internal note (officers only)' }).check();
    await officer.getByRole('button', { name: 'Add the note' }).click();
    await dismissSnackbar(officer, 'Note added.');

    await openRequest(focal, requestId);
    await focal.getByText('How many prosecutors would attend?').waitFor();
    assert.equal(await focal.getByText(`Budget line 4 ${stamp}`).count(), 0);
    await focal.getByRole('link', { name: 'Complete the request' }).click();
    await formLoaded(focal, TITLE);
    await focal.getByRole('spinbutton', { name: 'Number of officials' }).fill('25');
    await saved(focal);
    await focal.getByRole('button', { name: 'Resubmit' }).click();
    await dismissSnackbar(focal, 'The request is resubmitted.');
    await focal.locator('cv-request-status', { hasText: 'Resubmitted' }).waitFor();
  });

  it('lets the officer assess, approve and create the event prefilled from the request', async () => {
    await openRequest(officer, requestId);
    await step(officer, 'Start the needs assessment');
    await dismissSnackbar(officer, 'The needs assessment has started.');
    await officer.locator('cv-request-status', { hasText: 'Needs assessment' }).waitFor();
    await step(officer, 'Approve');
    await dismissSnackbar(officer, 'Approved.');
    await officer.locator('cv-request-status', { hasText: 'Approved' }).waitFor();
    await officer.getByRole('button', { name: 'Create an event from the request' }).click();
    await officer.waitForURL(/\/t\/demo\/events\/[0-9a-f-]{36}\/edit$/);
    // The event's form opens with the request's title, for the officer to complete.
    await officer.waitForFunction(
      (expected) =>
        [...document.querySelectorAll('input')].some((input) => input.value === expected),
      TITLE,
    );
    // Back on the request, the event is linked and its history reads who did what.
    await openRequest(officer, requestId);
    await officer.getByRole('link', { name: TITLE }).waitFor();
    for (const entry of ['Submitted', 'Information requested', 'Resubmitted', 'Approved']) {
      await officer.locator('.req-history').getByText(entry, { exact: true }).first().waitFor();
    }
  });

  it('lets the officer attach a file after submission, which the focal point reads', async () => {
    await openRequest(officer, requestId);
    await officer.locator('cv-request-page input[type="file"]').setInputFiles({
      name: 'Mission minutes.pdf',
      mimeType: 'application/pdf',
      buffer: await pdf('Minutes of the scoping mission'),
    });
    await dismissSnackbar(officer, 'File attached.');
    const file = officer.locator('.req-file', { hasText: 'Mission minutes.pdf' });
    await file.getByText('From the officers').waitFor();
    await openRequest(focal, requestId);
    await focal.getByRole('link', { name: 'Mission minutes.pdf' }).waitFor();
    // The focal point reads it, and has no button to remove the officers' file.
    assert.equal(
      await focal.getByRole('button', { name: 'Remove Mission minutes.pdf' }).count(),
      0,
    );
  });

  it('shows which gaps of the State’s validated assessment the linked events address', async () => {
    const list = await officer.request.get(`${BASE_URL}/api/t/demo/requests?state=KEN&limit=100`);
    assert.equal(list.status(), 200);
    const { items } = (await list.json()) as { items: { id: string; title: string }[] };
    const informed = items.find(
      (item) => item.title === 'Digital evidence training for the East African region',
    );
    assert.ok(informed);
    const open = async (page: Page) => {
      await openRequest(page, informed.id);
      await page.locator('.req-gaps li').first().waitFor();
    };
    await open(officer);
    await officer.getByRole('heading', { name: 'Gaps its events address' }).waitFor();
    await officer.locator('.req-event__gaps').first().waitFor();
    await pictureEverywhere(officer, { folder: 'requests', name: 'officer-request-gaps' }, () =>
      open(officer),
    );
    await pictureEverywhere(focal, { folder: 'requests', name: 'focal-request-gaps' }, () =>
      open(focal),
    );
  });

  it('pictures the inbox, the board, the request and the form at 1366 and 390 px in English and Arabic', async () => {
    await picture(officer, 'officer-inbox', async () => {
      await officer.goto(`${BASE_URL}/t/demo/requests`);
      await officer.locator('.requests-table').waitFor();
    });
    await picture(officer, 'officer-board', async () => {
      await officer.goto(`${BASE_URL}/t/demo/requests`);
      await officer.locator('mat-button-toggle').nth(1).locator('button').click();
      await officer.locator('.req-board').waitFor();
    });
    await officer.goto(`${BASE_URL}/t/demo/requests`);
    await officer.locator('mat-button-toggle').first().locator('button').click();
    await picture(officer, 'officer-request', () => openRequest(officer, requestId));
    await picture(officer, 'officer-home', async () => {
      await officer.goto(`${BASE_URL}/t/demo`);
      await officer.locator('cv-requests-panel li').first().waitFor();
    });
    await picture(focal, 'focal-request', () => openRequest(focal, requestId));
    await picture(focal, 'focal-home', async () => {
      await focal.goto(`${BASE_URL}/t/demo`);
      await focal.locator('cv-requests-panel li').first().waitFor();
    });
    await picture(focal, 'focal-draft-form', async () => {
      await focal.goto(`${BASE_URL}/t/demo/requests`);
      await focal.locator('.requests-table').waitFor();
      const draft = focal.getByRole('link', {
        name: /Cybercrime investigations toolkit|مجموعة/,
      });
      await draft.first().click();
      await focal.locator('cv-request-page h1').waitFor();
      await focal.locator('cv-request-page a[href$="/edit"]').click();
      await focal.locator('cv-request-form-page form').waitFor();
    });
  });
});
