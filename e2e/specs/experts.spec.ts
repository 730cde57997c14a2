import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import {
  BASE_URL,
  expectAccessible,
  launchBrowser,
  openDialog,
  pictureEverywhere,
  resetLanguage,
  signIn,
  waitForMail,
} from '../support/browser.ts';

/**
 * Experts through the screens: an officer asks Camille Laurent (the demo's expert) to moderate
 * the opening of the East Africa workshop; the request reaches her by mail in French; she accepts
 * it on her home panel and files her declaration of interest; the agenda names her on the
 * opening, and the officer's Experts tab shows her declaration filed. The roster, the Experts
 * tab and the expert's home panel are pictured at 1366 and 390 px in English and Arabic
 * (e2e/screenshots/experts/).
 */

const EVENT = 'Regional workshop on digital evidence for East Africa';
const EXPERT = 'Camille Laurent';

async function dismissSnackbar(page: Page, text: string | RegExp): Promise<void> {
  const snackbar = page.locator('mat-snack-bar-container', { hasText: text });
  await snackbar.waitFor();
  await snackbar.getByRole('button', { name: 'Dismiss' }).click();
  await snackbar.waitFor({ state: 'detached' });
}

async function choose(page: Page, field: Locator, option: string): Promise<void> {
  await field.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function submit(dialog: Locator, button: string): Promise<void> {
  await dialog.getByRole('button', { name: button, exact: true }).click();
  try {
    await dialog.waitFor({ state: 'detached' });
  } catch (error) {
    const shown = await dialog.innerText().catch(() => '(gone)');
    throw new Error(`The dialog stayed open, showing: ${shown}`, { cause: error });
  }
}

const settled = (page: Page) =>
  page.waitForFunction(() => document.querySelector('mat-progress-bar') === null);

async function openExpertsTab(page: Page, eventPath: string): Promise<void> {
  await page.goto(`${BASE_URL}${eventPath}?tab=experts`);
  await page.locator('cv-event-experts .experts-tab section').first().waitFor();
  await settled(page);
}

async function openHome(page: Page): Promise<Locator> {
  await page.goto(`${BASE_URL}/t/demo`);
  const panel = page.locator('cv-expert-home-panel');
  await panel.locator('.experts-home__heading').first().waitFor();
  return panel;
}

async function openRoster(page: Page): Promise<void> {
  await page.goto(`${BASE_URL}/t/demo/experts`);
  await page.locator('.experts-roster__item').first().waitFor();
  await settled(page);
}

describe('experts', () => {
  let browser: Browser;
  let officerContext: BrowserContext;
  let expertContext: BrowserContext;
  let officer: Page;
  let expert: Page;
  let eventPath = '';

  before(async () => {
    browser = await launchBrowser();
    officerContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    expertContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    officer = await officerContext.newPage();
    expert = await expertContext.newPage();
  });
  after(async () => {
    // The demo expert reads French (the shell's spec greets her in it); this spec set English.
    await resetLanguage(expert, 'fr');
    await browser.close();
  });

  it('lets an officer find the expert in the roster and ask her to moderate a session', async () => {
    await officer.goto(`${BASE_URL}/sign-in`);
    await signIn(officer, 'officer@demo.example');
    await openRoster(officer);
    await officer.getByLabel('Search names, organisations, biographies').fill('forensics');
    await officer.getByRole('button', { name: 'Search', exact: true }).click();
    await officer.locator('.experts-roster__item', { hasText: EXPERT }).waitFor();
    await officer.waitForFunction(
      () => document.querySelectorAll('.experts-roster__item').length === 1,
    );
    await expectAccessible(officer, 'roster searched');

    await officer.goto(`${BASE_URL}/t/demo/events`);
    const link = officer.getByRole('link', { name: EVENT });
    await link.waitFor();
    eventPath = new URL((await link.getAttribute('href')) ?? '', BASE_URL).pathname;
    await openExpertsTab(officer, eventPath);
    await officer.getByRole('tab', { name: 'Experts', selected: true }).waitFor();

    const dialog = await openDialog(
      officer,
      officer.getByRole('button', { name: 'Assign an expert' }),
    );
    await dialog.getByRole('combobox', { name: 'Expert' }).fill('Camille');
    await officer.getByRole('option', { name: new RegExp(EXPERT) }).click();
    await choose(officer, dialog.getByLabel('Where'), 'Opening and objectives');
    await choose(officer, dialog.getByLabel('Role'), 'Moderator');
    await expectAccessible(officer, 'assign dialog');
    await submit(dialog, 'Ask the expert');
    await dismissSnackbar(officer, `${EXPERT} has been asked.`);
    const row = officer.locator('.experts-list li', { hasText: 'Opening and objectives' }).filter({
      hasText: EXPERT,
    });
    await row.waitFor();
    assert.match(await row.innerText(), /Moderator[\s\S]*Asked/);

    // Asked is not accepted: the agenda does not name her on the opening yet.
    await officer.goto(`${BASE_URL}${eventPath}?tab=agenda`);
    const opening = officer.locator('cv-event-agenda li, cv-event-agenda tr', {
      hasText: 'Opening and objectives',
    });
    await opening.first().waitFor();
    assert.doesNotMatch(await opening.first().innerText(), new RegExp(EXPERT));
  });

  it('mails the request to the expert in her language', async () => {
    const mail = await waitForMail('expert@demo.example');
    assert.match(mail.subject, /Votre participation est sollicitée/);
    assert.match(mail.text, /modérateur/);
    assert.match(mail.text, /Opening and objectives/);
  });

  it('lets the expert accept on her home panel and file her declaration of interest', async () => {
    await expert.goto(`${BASE_URL}/sign-in`);
    await signIn(expert, 'expert@demo.example');
    await resetLanguage(expert, 'en');
    const panel = await openHome(expert);
    const request = panel.locator('li', { hasText: EVENT }).filter({ hasText: 'Moderator' });
    await request.waitFor();
    await request.getByRole('button', { name: 'Accept' }).click();
    await dismissSnackbar(expert, `You accepted: ${EVENT}.`);
    await panel.locator('li', { hasText: 'Opening and objectives' }).getByRole('link').waitFor();

    const due = panel
      .locator('li', { hasText: EVENT })
      .filter({ has: expert.getByRole('button', { name: /File/ }) });
    const dialog = await openDialog(expert, due.getByRole('button', { name: /File/ }));
    await dialog.getByRole('radio', { name: 'I have interests to declare' }).check();
    await dialog.getByRole('button', { name: 'File the declaration' }).click();
    await dialog.getByText('Describe the interests.').waitFor();
    await dialog.getByRole('radio', { name: 'I have no interest to declare' }).check();
    await expectAccessible(expert, 'declaration dialog');
    await submit(dialog, 'File the declaration');
    await dismissSnackbar(expert, 'Declaration filed.');
    await expert.waitForFunction(
      (title) =>
        ![...document.querySelectorAll('cv-expert-home-panel li')].some(
          (li) => li.textContent?.includes(title) && li.querySelector('button'),
        ),
      EVENT,
    );
    await expectAccessible(expert, 'expert home panel');
  });

  it('names the expert on the agenda and shows the officer her declaration filed', async () => {
    await expert.goto(`${BASE_URL}${eventPath}?tab=agenda`);
    const opening = expert.locator('cv-event-agenda li, cv-event-agenda tr', {
      hasText: 'Opening and objectives',
    });
    await opening.first().waitFor();
    await expert.waitForFunction(
      (name) =>
        [...document.querySelectorAll('cv-event-agenda li, cv-event-agenda tr')].some(
          (item) =>
            item.textContent?.includes('Opening and objectives') && item.textContent.includes(name),
        ),
      EXPERT,
    );

    await openExpertsTab(officer, eventPath);
    const declarations = officer.locator('section', {
      has: officer.getByRole('heading', { name: 'Declarations of interest' }),
    });
    const camille = declarations.locator('li', { hasText: EXPERT });
    await camille.waitFor();
    assert.match(await camille.innerText(), /Filed on[\s\S]*No interests to declare/);
    const balance = officer.locator('section', {
      has: officer.getByRole('heading', { name: /Panel balance/ }),
    });
    assert.match(await balance.innerText(), /Female\s+\d/);
  });

  it('pictures the roster, the Experts tab and the expert’s panel at 1366 and 390 px in English and Arabic', async () => {
    await pictureEverywhere(officer, { folder: 'experts', name: 'roster' }, () =>
      openRoster(officer),
    );
    await pictureEverywhere(officer, { folder: 'experts', name: 'event-experts' }, () =>
      openExpertsTab(officer, eventPath),
    );
    await pictureEverywhere(expert, { folder: 'experts', name: 'expert-home' }, () =>
      openHome(expert),
    );
  });
});
