import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  BASE_URL,
  expectAccessible,
  launchBrowser,
  resetLanguage,
  screenshot,
  signIn,
} from '../support/browser.ts';

const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

/** The focal point, signed in on a screen of the given size, on the Member States page. */
async function openDirectory(
  browser: Browser,
  viewport: { width: number; height: number },
): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'en-GB' });
  const page = await context.newPage();
  await signIn(page, 'focal@demo.example');
  await page.goto(`${BASE_URL}/t/demo/member-states`);
  return page;
}

/** Whether anything is wider than the screen, so that the page scrolls sideways. */
const scrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

async function choose(page: Page, label: string | RegExp, option: string | RegExp): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
  // The next select opens only once this one's panel has gone, or its options are the old ones.
  await page.getByRole('listbox').waitFor({ state: 'detached' });
}

describe('the Member States directory', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    // The Arabic test changes the focal point's language: give the other specs English back.
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'focal@demo.example');
    await resetLanguage(page);
    await browser.close();
  });

  it('searches, filters by group and region, and pages 25 States at a time', async () => {
    const page = await openDirectory(browser, DESKTOP);
    await page.getByText('States matching: 195 of 195').waitFor();
    assert.equal(await page.locator('tr[mat-row]').count(), 25);
    await page.getByText('1–25 of 195').waitFor();
    await expectAccessible(page, 'member states, 1366 px');
    await screenshot(page, 'member-states-1366-en');

    await page.getByRole('button', { name: 'Next page' }).click();
    await page.getByText('26–50 of 195').waitFor();
    assert.equal(
      await page.evaluate(() => document.activeElement?.classList.contains('directory-results')),
      true,
      'focus moves to the top of the new page',
    );

    // The United States: observer of WEOG, counted there for elections; Türkiye in two groups.
    await choose(page, 'Regional group', 'Western European and Others Group');
    await page.getByText('States matching: 29 of 195').waitFor();
    await choose(page, 'Geographic region', 'Americas');
    await page.getByText('States matching: 2 of 195').waitFor();
    const usa = page.getByRole('row', { name: /United States of America/ });
    await usa.getByText('Observer, counted here for elections').waitFor();
    await page.getByRole('row', { name: /Canada/ }).waitFor();
    await choose(page, 'Geographic region', 'Asia');
    await page.getByText('States matching: 2 of 195').waitFor();
    const turkiye = page.getByRole('row', { name: /Türkiye/ });
    await turkiye.getByText('Member, counted here for elections').waitFor();
    await turkiye.getByText('Asia-Pacific Group').waitFor();
    await page.getByRole('row', { name: /Israel/ }).waitFor();
    await expectAccessible(page, 'member states, WEOG in Asia');
    await screenshot(page, 'member-states-weog-1366-en');
    await choose(page, 'Geographic region', 'All regions');

    // Kiribati: in no group; found with the Holy See, and alone in Oceania.
    await choose(page, 'Regional group', 'No regional group');
    await page.getByText('States matching: 2 of 195').waitFor();
    await page.getByRole('row', { name: /Kiribati/ }).waitFor();
    await page.getByRole('row', { name: /Holy See/ }).waitFor();
    await choose(page, 'Geographic region', 'Oceania');
    await page.getByText('States matching: 1 of 195').waitFor();

    // A search by code, with the filters cleared.
    await choose(page, 'Regional group', 'All groups');
    await choose(page, 'Geographic region', 'All regions');
    await page.getByLabel('Search States').fill('ken');
    await page.getByRole('cell', { name: 'Kenya' }).waitFor();
    await page.getByLabel('Search States').fill('zzz');
    await page.getByText('No State matches your search.').waitFor();
    await page.context().close();
  });

  it('shows a card per State on a phone, with nothing to scroll sideways', async () => {
    const page = await openDirectory(browser, PHONE);
    await page.getByText('States matching: 195 of 195').waitFor();
    assert.equal(await page.locator('table').count(), 0, 'no table on a phone');
    assert.equal(await page.locator('li.state-card').count(), 25);
    assert.equal(await scrollsSideways(page), false, 'the page fits 390 px');
    await expectAccessible(page, 'member states, 390 px');
    await screenshot(page, 'member-states-390-en');

    await page.getByLabel('Search States').fill('united states');
    const card = page.locator('li.state-card', { hasText: 'United States of America' });
    await card.getByText('Observer, counted here for elections').waitFor();
    await card.getByText('Americas').waitFor();
    await page.context().close();
  });

  for (const viewport of [DESKTOP, PHONE]) {
    it(`reads right to left in Arabic at ${viewport.width} px`, async () => {
      const page = await openDirectory(browser, viewport);
      await resetLanguage(page, 'ar');
      await page.reload();
      await page.getByRole('heading', { name: 'الدول الأعضاء', level: 1 }).waitFor();
      assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
      // Numbers in an Arabic sentence are isolated (U+2068 … U+2069), so they keep their own order.
      await page.getByText('الدول المطابقة: \u2068195\u2069 من أصل \u2068195\u2069').waitFor();
      // The selects say what they hold in the language loaded after them.
      await page
        .getByRole('combobox', { name: 'المجموعة الإقليمية' })
        .getByText('جميع المجموعات')
        .waitFor();
      assert.equal(await scrollsSideways(page), false, `the page fits ${viewport.width} px`);
      await expectAccessible(page, `member states in Arabic, ${viewport.width} px`);
      await screenshot(page, `member-states-${viewport.width}-ar`);
      await page.getByLabel('البحث عن دولة').fill('USA');
      await page.getByText('مراقب، وتُحتسب في هذه المجموعة لأغراض الانتخابات').waitFor();
      await screenshot(page, `member-states-usa-${viewport.width}-ar`);
      await resetLanguage(page);
      await page.context().close();
    });
  }
});
