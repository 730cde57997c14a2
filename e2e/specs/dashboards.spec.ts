import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  BASE_URL,
  expectAccessible,
  expectNoSidewaysScroll,
  launchBrowser,
  mainNav,
  resetLanguage,
  screenshotWhole,
  signIn,
} from '../support/browser.ts';

/**
 * The dashboard, the coverage map and the State page through the screens: the demo officer opens
 * the map (the demo's history colours Kenya), opens Kenya's page from its table, filters the
 * dashboard by a region and downloads a chart's table as XLSX, which exceljs opens; the map
 * coloured by copies of the tool delivered and by requests submitted, and their charts; Kenya's
 * focal point opens Kenya's page from their home and is refused France's. Each screen is pictured
 * at 1366 and 390 px in English and Arabic (e2e/screens/dashboards/).
 */

/** Waits until no progress bar is left and the page's data has come. */
async function settled(page: Page, ready: string): Promise<void> {
  await page.locator(ready).first().waitFor();
  await page.waitForFunction(() => document.querySelector('mat-progress-bar') === null);
}

async function openDashboard(page: Page): Promise<void> {
  await page.goto(`${BASE_URL}/t/demo/reports`);
  await settled(page, 'cv-chart-card');
  // The charts draw once echarts has loaded.
  await page.locator('cv-chart-card cv-echart svg').first().waitFor();
}

async function openMap(page: Page): Promise<void> {
  await page.goto(`${BASE_URL}/t/demo/reports/map`);
  await settled(page, '.map-table');
  await page.locator('cv-echart svg path').first().waitFor();
}

/**
 * The map coloured by the metric at `index` of the list (MAP_METRICS: participants, events,
 * copies, requests), by keyboard: the sticky toolbar may sit over the field. Answers its name.
 */
async function openMapOf(page: Page, index: number): Promise<string> {
  await openMap(page);
  await page.locator('.map-metric mat-select').focus();
  await page.keyboard.press('Enter');
  const option = page.locator('mat-option').nth(index);
  const name = (await option.innerText()).trim();
  await option.click();
  await page.locator('mat-option').first().waitFor({ state: 'detached' });
  await page.waitForFunction(
    (wanted) =>
      document.querySelector('mat-progress-bar') === null &&
      document.querySelector('#map-heading')?.textContent?.trim() === wanted &&
      document.querySelector('.map-table thead th:last-child')?.textContent?.trim() === wanted,
    name,
  );
  await page.locator('cv-echart svg path').first().waitFor();
  return name;
}

async function openState(page: Page, code: string): Promise<void> {
  await page.goto(`${BASE_URL}/t/demo/states/${code}`);
  await settled(page, 'cv-state-page h1');
}

/** Pictures of one screen at both sizes in both languages, axe-checked, nothing sideways. */
async function picture(page: Page, name: string, open: () => Promise<unknown>): Promise<void> {
  for (const language of ['en', 'ar'] as const) {
    await resetLanguage(page, language);
    for (const size of [
      { width: 1366, height: 768 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(size);
      await open();
      await page.evaluate(async () => {
        await document.fonts.ready;
      });
      const where = `${name} at ${size.width} in ${language}`;
      await expectAccessible(page, where);
      await expectNoSidewaysScroll(page, where);
      await screenshotWhole(page, `dashboards/${size.width}-${language}-${name}`);
    }
  }
  await resetLanguage(page, 'en');
  await page.setViewportSize({ width: 1366, height: 768 });
}

describe('dashboards', () => {
  let browser: Browser;
  let officerContext: BrowserContext;
  let focalContext: BrowserContext;
  let officer: Page;
  let focal: Page;

  before(async () => {
    browser = await launchBrowser();
    officerContext = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      acceptDownloads: true,
    });
    focalContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    officer = await officerContext.newPage();
    focal = await focalContext.newPage();
  });
  after(async () => {
    for (const page of [officer, focal]) await resetLanguage(page, 'en').catch(() => undefined);
    await browser.close();
  });

  it('shows an officer the coverage map, its table, and a State page from it', async () => {
    await officer.goto(`${BASE_URL}/sign-in`);
    await signIn(officer, 'officer@demo.example');
    await mainNav(officer).getByRole('link', { name: 'Dashboard' }).click();
    await settled(officer, 'cv-chart-card');
    await officer.getByRole('link', { name: 'Coverage map' }).click();
    await settled(officer, '.map-table');
    await officer.locator('cv-echart svg path').first().waitFor();
    // The table says what the map colours: Kenya with its trained participants.
    const kenya = officer.locator('.map-table tbody tr', { hasText: 'Kenya' });
    await kenya.waitFor();
    const trained = Number((await kenya.locator('td').innerText()).replace(/\D/g, ''));
    assert.ok(trained > 0, 'Kenya has trained participants in the demo');
    await kenya.getByRole('link', { name: 'Kenya' }).click();
    await officer.waitForURL(/\/t\/demo\/states\/KEN$/);
    await settled(officer, 'cv-state-page h1');
    await officer.getByRole('heading', { level: 1, name: 'Kenya' }).waitFor();
    const total = await officer.locator('.state-big').first().innerText();
    assert.equal(Number(total.replace(/\D/g, '')) >= trained, true);
  });

  it('filters the dashboard by region and exports a chart as XLSX', async () => {
    await openDashboard(officer);
    const allEvents = await officer.locator('.dashboard-totals dd').first().innerText();
    // By keyboard: the sticky toolbar may sit over a field the pointer would scroll to.
    await officer.locator('[data-filter="geographicRegion"]').focus();
    await officer.keyboard.press('Enter');
    await officer.getByRole('option', { name: 'Africa', exact: true }).click();
    await officer.waitForFunction(
      (before) =>
        document.querySelector('mat-progress-bar') === null &&
        document.querySelector('.dashboard-totals dd')?.textContent?.trim() !== before.trim(),
      allEvents,
    );
    const africanEvents = Number(
      (await officer.locator('.dashboard-totals dd').first().innerText()).replace(/\D/g, ''),
    );
    assert.ok(africanEvents > 0 && africanEvents < Number(allEvents.replace(/\D/g, '')));

    // The table of participants by sex, as shown, then the same table as a workbook.
    const card = officer.locator('cv-chart-card', { hasText: 'Participants by sex' });
    await card.locator('summary').click();
    const shownWomen = Number(
      (await card.locator('tfoot td').first().innerText()).replace(/\D/g, ''),
    );
    const [download] = await Promise.all([
      officer.waitForEvent('download'),
      card.locator('[data-export="participantsBySex"]').click(),
    ]);
    assert.equal(download.suggestedFilename(), 'participantsBySex.xlsx');
    const path = await download.path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets[0];
    assert.ok(sheet);
    assert.equal(sheet.getCell('A1').value, 'year');
    assert.equal(sheet.getCell('B1').value, 'female');
    // The last row is the totals: the women the page's table shows for Africa.
    assert.equal(sheet.getCell(`A${sheet.rowCount}`).value, 'total');
    assert.equal(sheet.getCell(`B${sheet.rowCount}`).value, shownWomen);
  });

  it('colours the map by copies of the tool delivered and by requests submitted', async () => {
    const figure = async (state: string) =>
      Number(
        (
          await officer.locator('.map-table tbody tr', { hasText: state }).locator('td').innerText()
        ).replace(/\D/g, ''),
      );
    assert.equal(await openMapOf(officer, 2), 'Copies of the tool delivered');
    // The demo delivered copies to Kenya (e-learning enrolments and the workshop's hand-out).
    assert.ok((await figure('Kenya')) > 0, 'Kenya received copies in the demo');
    assert.ok((await figure('China')) >= 40, "China's 40 printed copies of 2025");
    assert.equal(await openMapOf(officer, 3), 'Assistance requests submitted');
    assert.ok((await figure('Kenya')) > 0, "Kenya's requests in the demo");
  });

  it('shows the copies and requests charts with their tables', async () => {
    await openDashboard(officer);
    for (const [title, id] of [
      ['Copies of the tool delivered, by language', 'toolCopiesByLanguage'],
      ['Assistance requests by status, by year submitted', 'requestsByStatus'],
    ] as const) {
      const card = officer.locator('cv-chart-card', { hasText: title });
      await card.locator('cv-echart svg').waitFor();
      await card.locator('summary').click();
      const total = (await card.locator('tfoot td').allInnerTexts()).reduce(
        (sum, cell) => sum + Number(cell.replace(/\D/g, '')),
        0,
      );
      assert.ok(total > 0, `${title} counts something in the demo`);
      assert.equal(await card.locator(`[data-export="${id}"]`).count(), 1);
    }
    // A draft is never a column of the requests' table.
    const requests = officer.locator('cv-chart-card', { hasText: 'Assistance requests by status' });
    assert.equal(await requests.locator('thead th', { hasText: /^Draft$/ }).count(), 0);
  });

  it("gives Kenya's focal point Kenya's page and refuses France's", async () => {
    await focal.goto(`${BASE_URL}/sign-in`);
    await signIn(focal, 'focal@demo.example');
    // From their home: the link to their own State's page.
    await focal.goto(`${BASE_URL}/t/demo`);
    await focal.getByRole('link', { name: 'Open your State’s page' }).click();
    await focal.waitForURL(/\/t\/demo\/states\/KEN$/);
    await settled(focal, 'cv-state-page h1');
    await openState(focal, 'KEN');
    await focal.getByRole('heading', { level: 1, name: 'Kenya' }).waitFor();
    await focal.getByRole('heading', { name: /addressed to it/ }).waitFor();
    await openState(focal, 'FRA');
    await focal.getByText("This State's page is not open to you").waitFor();
    // And no dashboard for a focal point: the navigation does not offer it.
    assert.equal(await mainNav(focal).getByRole('link', { name: 'Dashboard' }).count(), 0);
  });

  it('pictures the screens at both sizes in English and Arabic', async () => {
    // The whole dashboard, the copies and requests charts last.
    await picture(officer, 'dashboard', () => openDashboard(officer));
    await picture(officer, 'map', () => openMap(officer));
    await picture(officer, 'map-copies', () => openMapOf(officer, 2));
    await picture(officer, 'map-requests', () => openMapOf(officer, 3));
    await picture(officer, 'state', () => openState(officer, 'KEN'));
    await picture(focal, 'state-refused', () => openState(focal, 'FRA'));
    await picture(focal, 'focal-home', async () => {
      await focal.goto(`${BASE_URL}/t/demo`);
      await focal.locator('[data-testid="own-state-page"]').waitFor();
    });
  });
});
