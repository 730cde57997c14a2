import pg from 'pg';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  BASE_URL,
  expectAccessible,
  expectNoSidewaysScroll,
  launchBrowser,
  openDialog,
  pictureEverywhere,
  resetLanguage,
  screenshotWhole,
  signIn,
} from '../support/browser.ts';

/**
 * Tool delivery through the screens: an officer opens the demo's reported workshop (its
 * attending participants already received the English print edition), registers that each of
 * them also received the French PDF, and finds Tanzania, one of the workshop's States, with
 * French among its languages on the coverage page; then downloads the IATI file. Kenya's focal
 * point reads only Kenya's deliveries. Each screen is pictured at 1366 and 390 px in English
 * and Arabic (e2e/screens/delivery/).
 */

const WORKSHOP = 'National workshop on prosecution and adjudication';

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('mat-progress-bar') === null);
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
}

describe('tool delivery', () => {
  let browser: Browser;
  let officerContext: BrowserContext;
  let officer: Page;
  let eventPath = '';

  before(async () => {
    const url = process.env['E2E_DATABASE_URL'];
    assert.ok(url, 'run through e2e/run.mjs, which passes E2E_DATABASE_URL');
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      const { rows } = await db.query<{ id: string }>(`select id from events where title = $1`, [
        WORKSHOP,
      ]);
      assert.equal(rows.length, 1);
      eventPath = `/t/demo/events/${rows[0]?.id}`;
    } finally {
      await db.end();
    }
    browser = await launchBrowser();
    officerContext = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      acceptDownloads: true,
    });
    officer = await officerContext.newPage();
    await officer.goto(`${BASE_URL}/sign-in`);
    await signIn(officer, 'officer@demo.example');
  });
  after(async () => {
    await resetLanguage(officer, 'en').catch(() => undefined);
    await browser.close();
  });

  it('registers a hand-out to every attending participant from the workshop’s page', async () => {
    await officer.goto(`${BASE_URL}${eventPath}`);
    const dialog = await openDialog(
      officer,
      officer.getByRole('button', { name: 'Register hand-out' }),
    );
    await dialog.getByText('7 participants attended, from 3 States:').waitFor();
    // The English print edition was handed out there already (the demo): it cannot be chosen.
    const english = dialog.getByTestId('bulk-edition-en-print').getByRole('checkbox');
    assert.equal(await english.isDisabled(), true);
    await dialog.getByTestId('bulk-edition-fr-pdf').getByRole('checkbox').check();
    await dialog.getByText('7 copies in all').waitFor();
    await expectAccessible(officer, 'hand-out dialog');
    await screenshotWhole(officer, 'delivery/1366-en-hand-out');
    await dialog.getByRole('button', { name: 'Register hand-out', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await officer.getByText('3 deliveries registered.').waitFor();
  });

  it('shows the States of the workshop reached in French on the coverage page', async () => {
    await officer.goto(`${BASE_URL}/t/demo/delivery/coverage`);
    await settled(officer);
    const tanzania = officer.getByTestId('coverage-row').filter({ hasText: 'Tanzania' });
    await tanzania.waitFor();
    const text = await tanzania.innerText();
    assert.match(text, /French/);
    assert.match(text, /English/);
    assert.match(text, new RegExp(WORKSHOP));
    // Filtered to the Western European and other States: Tanzania is not among them.
    // Opened from the keyboard: a click may land on the sticky header once the page scrolled.
    await officer.getByRole('combobox', { name: 'UN regional group' }).focus();
    await officer.keyboard.press('Enter');
    await officer.getByRole('option', { name: 'Western European and Others Group' }).click();
    // The filtered list arrives after the click: wait for Tanzania's row to leave, not a fixed moment.
    await tanzania.waitFor({ state: 'detached' });
    await settled(officer);
    assert.equal(await tanzania.count(), 0);
    await officer.getByTestId('coverage-row').filter({ hasText: 'France' }).waitFor();
  });

  it('lists the hand-out in the register, and Kenya’s focal point sees only Kenya’s, read-only', async () => {
    await officer.goto(`${BASE_URL}/t/demo/delivery`);
    await settled(officer);
    const handOut = officer
      .getByTestId('delivery-row')
      .filter({ hasText: 'L’utilisation d’Internet à des fins terroristes' })
      .filter({ hasText: WORKSHOP });
    assert.equal(await handOut.count(), 3);

    const focalContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const focal = await focalContext.newPage();
    await focal.goto(`${BASE_URL}/sign-in`);
    await signIn(focal, 'focal@demo.example');
    await focal.goto(`${BASE_URL}/t/demo/delivery`);
    await settled(focal);
    const rows = focal.getByTestId('delivery-row');
    await rows.first().waitFor();
    for (const row of await rows.all()) assert.match(await row.innerText(), /Kenya/);
    assert.equal(await focal.getByRole('button', { name: 'Register a delivery' }).count(), 0);
    assert.equal(await focal.getByTestId('delivery-edit').count(), 0);
    assert.equal(await focal.getByTestId('delivery-delete').count(), 0);
    await expectAccessible(focal, 'register of a focal point');
    await focalContext.close();
  });

  it('pictures the correction dialog and the deletion’s confirmation', async () => {
    // The demo's one delivery to Fiji (5 copies): its institution names it in every language.
    const fiji = () =>
      officer
        .getByTestId('delivery-row')
        .filter({ hasText: 'Office of the Director of Public Prosecutions' });
    const openRegister = async () => {
      await officer.goto(`${BASE_URL}/t/demo/delivery`);
      await settled(officer);
      await fiji().waitFor();
    };
    await pictureEverywhere(officer, { folder: 'delivery', name: 'edit-dialog' }, async () => {
      await openRegister();
      const dialog = await openDialog(officer, fiji().getByTestId('delivery-edit'));
      await dialog.locator('input[formcontrolname="quantity"]').waitFor();
    });
    await pictureEverywhere(officer, { folder: 'delivery', name: 'delete-confirm' }, async () => {
      await openRegister();
      await openDialog(officer, fiji().getByTestId('delivery-delete'));
    });
  });

  it('corrects a delivery’s copies and deletes another, the register and coverage following', async () => {
    const fiji = officer
      .getByTestId('delivery-row')
      .filter({ hasText: 'Office of the Director of Public Prosecutions' });
    await officer.goto(`${BASE_URL}/t/demo/delivery`);
    await settled(officer);
    const edit = await openDialog(
      officer,
      fiji.getByRole('button', { name: /Correct the delivery of .* to Fiji/ }),
    );
    await edit.getByText('Correct a delivery').waitFor();
    const quantity = edit.getByRole('spinbutton', { name: 'Copies' });
    assert.equal(await quantity.inputValue(), '5');
    await quantity.fill('12');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    await officer.getByText('Delivery corrected.').waitFor();
    await officer.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="delivery-row"]')].some(
        (row) =>
          row.textContent?.includes('Office of the Director of Public Prosecutions') &&
          / 12\s/.test(row.querySelector('.dl-num')?.textContent ?? ''),
      ),
    );

    // Kyrgyzstan's one delivery (6 copies of the Russian PDF, 8 April 2025) goes.
    await officer.locator('.dl-filters').getByRole('combobox', { name: 'Language' }).focus();
    await officer.keyboard.press('Enter');
    await officer.getByRole('option', { name: 'Russian' }).click();
    await settled(officer);
    const kyrgyzstan = officer.getByTestId('delivery-row').filter({ hasText: 'Kyrgyzstan' });
    await kyrgyzstan.waitFor();
    const confirm = await openDialog(officer, kyrgyzstan.getByTestId('delivery-delete'));
    const message = await confirm.innerText();
    // English dates are written as the app writes them elsewhere (Intl, "en").
    assert.match(message, /6 copies of .+ to Kyrgyzstan on April 8, 2025/);
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await confirm.waitFor({ state: 'detached' });
    await officer.getByText('Delivery deleted.').waitFor();
    await kyrgyzstan.waitFor({ state: 'detached' });
    assert.equal(await officer.getByTestId('delivery-row').count(), 2);

    await officer.goto(`${BASE_URL}/t/demo/delivery/coverage`);
    await settled(officer);
    const fijiCoverage = officer.getByTestId('coverage-row').filter({ hasText: 'Fiji' });
    await fijiCoverage.waitFor();
    assert.match(await fijiCoverage.innerText(), /\b12\s*$/);
    assert.equal(
      await officer.getByTestId('coverage-row').filter({ hasText: 'Kyrgyzstan' }).count(),
      0,
    );
    assert.match(await officer.getByTestId('never-reached').innerText(), /Kyrgyzstan/);
  });

  it('downloads the IATI 2.03 file', async () => {
    await officer.goto(`${BASE_URL}/t/demo/delivery/iati`);
    const [download] = await Promise.all([
      officer.waitForEvent('download'),
      officer.getByRole('button', { name: 'Download IATI file' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'iati-activities-demo.xml');
    const path = await download.path();
    const xml = await readFile(path, 'utf8');
    assert.match(xml, /<iati-activities version="2\.03"/);
    assert.match(xml, /<dimension name="sex" value="female"\/>/);
  });

  it('pictures the pages at 1366 and 390 px in English and Arabic', async () => {
    const pages = [
      ['register', '/t/demo/delivery'],
      ['editions', '/t/demo/delivery/editions'],
      ['coverage', '/t/demo/delivery/coverage'],
      ['iati', '/t/demo/delivery/iati'],
    ] as const;
    for (const language of ['en', 'ar'] as const) {
      await resetLanguage(officer, language);
      for (const size of [
        { width: 1366, height: 768 },
        { width: 390, height: 844 },
      ]) {
        await officer.setViewportSize(size);
        for (const [name, path] of pages) {
          await officer.goto(`${BASE_URL}${path}`);
          await officer.locator('h1').first().waitFor();
          await settled(officer);
          const where = `${name} at ${size.width} in ${language}`;
          await expectAccessible(officer, where);
          await expectNoSidewaysScroll(officer, where);
          await screenshotWhole(officer, `delivery/${size.width}-${language}-${name}`);
        }
      }
    }
    await resetLanguage(officer, 'en');
    await officer.setViewportSize({ width: 1366, height: 768 });
  });
});
