import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  BASE_URL,
  expectAccessible,
  launchBrowser,
  openDialog,
  openPage,
  resetLanguage,
  screenshot,
  signIn,
} from '../support/browser.ts';

const FSI = '\u2068';

/** Signs the officer in, in a language, on the demo tenant's events; errors in the console fail the test. */
async function officerIn(
  browser: Browser,
  language: string,
): Promise<{ page: Page; errors: string[] }> {
  const page = await openPage(browser, '/sign-in');
  const errors: string[] = [];
  page.on('console', (message) => {
    // The session probe before signing in answers 401 by design.
    if (message.type() === 'error' && !message.text().includes('401')) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await signIn(page, 'officer@demo.example');
  await resetLanguage(page, language);
  await page.goto(`${BASE_URL}/t/demo/events`);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
  await page.locator('a.events-title').first().waitFor();
  return { page, errors };
}

describe('the interface in Arabic and French', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    const page = await openPage(browser, '/sign-in');
    await signIn(page, 'officer@demo.example');
    await resetLanguage(page);
    await browser.close();
  });

  it('keeps English titles and names in order in Arabic sentences, with arrows that point the reading way', async () => {
    const { page, errors } = await officerIn(browser, 'ar');
    await page.setViewportSize({ width: 1366, height: 900 });
    // Counts are declined: "تُعرض 4 فعاليات" (few), never "4 affichés"-style fragments.
    assert.match((await page.locator('.events-count').textContent()) ?? '', /تُعرض/);
    await screenshot(page, 'events-arabic-1366');

    await page.locator('mat-datepicker-toggle button').first().click();
    await page.locator('mat-calendar').waitFor();
    const calendarLabels = await page
      .locator('mat-calendar button[aria-label]')
      .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label')));
    assert.ok(calendarLabels.includes('الشهر السابق'), calendarLabels.join(', '));
    assert.ok(!calendarLabels.includes('Previous month'));
    // Closing the range picker mid-selection is not what this test is about: start afresh.
    await page.reload();
    await page.locator('a.events-title').first().waitFor();

    // The demo's confirmed webinar, with a history of steps taken by the officer.
    await page.locator('a.events-title', { hasText: 'Webinar: financing' }).click();
    await page.locator('h1 bdi').waitFor();
    await expectAccessible(page, 'event overview in Arabic');
    await screenshot(page, 'event-overview-arabic-1366');

    // The history tab, by its Arabic name (السجل): the tabs' order grows with features.
    await page.getByRole('tab', { name: 'السجل' }).click();
    const arrow = page.locator('.history-entry__arrow').first();
    await arrow.waitFor();
    // "becomes" points from the old status to the new one, right to left.
    assert.match(await arrow.evaluate((icon) => getComputedStyle(icon).transform), /^matrix\(-1,/);
    const meta = (await page.locator('.history-entry__meta').nth(1).textContent()) ?? '';
    assert.match(meta, /بواسطة\s+\u2068Lukas Berger\u2069\s+·/);
    await screenshot(page, 'event-history-arabic-1366');

    const action = page.locator('.event-actions__group[role=group] button').first();
    const dialog = await openDialog(page, action);
    const title = (await dialog.getByRole('heading').textContent())?.trim() ?? '';
    // The English title is isolated, so the question mark closes the Arabic sentence.
    assert.ok(title.includes(FSI), title);
    assert.ok(title.endsWith('\u2069؟'), title);
    await expectAccessible(page, 'transition dialog in Arabic');
    await screenshot(page, 'transition-dialog-arabic-1366');
    await page.keyboard.press('Escape');

    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('gives French filter labels room, and names time zones in French', async () => {
    const { page, errors } = await officerIn(browser, 'fr');
    await page.setViewportSize({ width: 1366, height: 900 });
    const area = page.locator('mat-form-field', { hasText: 'Domaine thématique' }).locator('label');
    await area.waitFor();
    assert.ok(
      await area.evaluate((label) => label.scrollWidth <= label.clientWidth),
      'the thematic-area label is cut off',
    );
    await screenshot(page, 'events-filters-french-1366');

    await page.goto(`${BASE_URL}/t/demo/events/new`);
    const zone = page.locator('cv-time-zone-picker input');
    await zone.fill('vienn');
    const option = page.getByRole('option').first();
    await option.waitFor();
    assert.match((await option.textContent()) ?? '', /Vienna, Autriche.*heure d’Europe centrale/s);
    await screenshot(page, 'time-zone-picker-french');
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});
