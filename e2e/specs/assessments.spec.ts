import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  BASE_URL,
  expectAccessible,
  expectNoSidewaysScroll,
  launchBrowser,
  resetLanguage,
  screenshotWhole,
  signIn,
} from '../support/browser.ts';

/**
 * Needs assessments through the screens: an officer starts an assessment of Rwanda, rates two
 * sections (saved as they go), submits it, validates it with priorities and recommendations,
 * and sees the radar chart and its table. Kenya's focal point sees Kenya's assessments only, and
 * the change since the earlier one. Each screen is pictured at 1366 and 390 px in English and
 * Arabic (e2e/screens/assessments/).
 */

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('mat-progress-bar') === null);
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
      await page.evaluate(async () => {
        await document.fonts.ready;
      });
      const where = `${name} at ${size.width} in ${language}`;
      await expectAccessible(page, where);
      if (size.width < 600) await expectNoSidewaysScroll(page, where);
      await screenshotWhole(page, `assessments/${size.width}-${language}-${name}`);
    }
  }
  await resetLanguage(page, 'en');
  await page.setViewportSize({ width: 1366, height: 768 });
}

describe('needs assessments', () => {
  let browser: Browser;
  let officerContext: BrowserContext;
  let focalContext: BrowserContext;
  let officer: Page;
  let focal: Page;
  let assessmentPath = '';

  before(async () => {
    browser = await launchBrowser();
    officerContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    focalContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    officer = await officerContext.newPage();
    focal = await focalContext.newPage();
    await signIn(officer, 'officer@demo.example');
    await signIn(focal, 'focal@demo.example');
  });

  after(async () => {
    for (const page of [officer, focal]) await resetLanguage(page, 'en').catch(() => undefined);
    await browser?.close();
  });

  it('lets an officer fill an assessment section by section, submit and validate it', async () => {
    await officer.goto(`${BASE_URL}/t/demo/assessments`);
    await officer.locator('cv-assessments-list-page').waitFor();
    await settled(officer);
    await officer.getByRole('combobox', { name: 'Member State to assess' }).fill('Rwanda');
    await officer.getByRole('option', { name: /Rwanda/ }).click();
    await officer.getByRole('button', { name: 'Start assessment' }).click();
    await officer.waitForURL(/\/assessments\/[0-9a-f-]+\/fill$/);
    assessmentPath = new URL(officer.url()).pathname.replace(/\/fill$/, '');

    // The first section: propaganda. Rate its six questions, with evidence on one.
    await officer.getByRole('heading', { name: 'Propaganda', level: 2 }).waitFor();
    const questions = officer.locator('fieldset.as-question');
    assert.equal(await questions.count(), 6);
    for (const [index, rating] of [1, 2, 0, 3, 1, 2].entries()) {
      await questions.nth(index).locator('label').nth(rating).click();
    }
    await questions
      .first()
      .getByLabel('Evidence')
      .fill('The 2012 Prevention of Terrorism Act covers incitement.');
    await officer
      .getByRole('status')
      .getByText(/Saved at/)
      .waitFor();

    // The next section is saved as the person moves on.
    await officer.getByRole('button', { name: 'Next section' }).click();
    await officer.getByRole('heading', { name: 'Radicalization and recruitment' }).waitFor();
    for (let index = 0; index < 6; index += 1) {
      await questions.nth(index).locator('label').nth(4).click();
    }
    await officer.getByRole('button', { name: /^Propaganda/ }).click();
    await officer
      .getByRole('status')
      .getByText(/Saved at/)
      .waitFor();
    // Coming back shows what was saved.
    assert.equal(await questions.first().locator('input:checked').getAttribute('value'), '1');

    await officer.getByRole('button', { name: 'Submit for validation' }).click();
    await officer.waitForURL((url) => url.pathname === assessmentPath);
    await officer.getByText('Validate or return').waitFor();
    await officer.getByLabel('Priorities').fill('Online propaganda: coordination of agencies.');
    await officer
      .getByLabel('Recommendations', { exact: true })
      .fill('A national workshop on countering terrorist narratives online.');
    await officer.getByRole('button', { name: 'Validate', exact: true }).click();
    await officer.getByText("The officer's conclusions").waitFor();

    // The radar chart, drawn, and the same figures as a table.
    await officer.locator('cv-assessment-radar svg').first().waitFor();
    const table = officer.getByRole('table', { name: 'Gap scores by thematic area' });
    // Propaganda: gaps 3, 2, 4, 1, 3, 2 → 15 / 6 / 4 → 62.5 → 63; radicalization: all 4 → 0.
    await table.getByRole('row', { name: /Propaganda 63 6\/6/ }).waitFor();
    await table.getByRole('row', { name: /Radicalization and recruitment 0 6\/6/ }).waitFor();
    const heat = officer.getByRole('table', { name: 'Heat map of the gaps' });
    await heat.getByRole('rowheader', { name: /Propaganda/ }).waitFor();
  });

  it('shows a focal point only their own State’s assessments, and the change since the last', async () => {
    await focal.goto(`${BASE_URL}/t/demo/assessments`);
    await focal.locator('cv-assessments-list-page').waitFor();
    await settled(focal);
    // State names come with the States' list, which may arrive after the assessments.
    await focal.locator('.as-list__state', { hasText: 'Kenya' }).first().waitFor();
    const states = await focal.locator('.as-list__state').allInnerTexts();
    assert.ok(states.length >= 2, 'Kenya has two assessments in the demo');
    assert.deepEqual([...new Set(states.map((state) => state.trim()))], ['Kenya']);
    // Rwanda's assessment does not exist for Kenya's focal point.
    await focal.goto(`${BASE_URL}${assessmentPath}`);
    await focal
      .getByText(/could not find/i)
      .first()
      .waitFor();

    await focal.goto(`${BASE_URL}/t/demo/assessments`);
    await settled(focal);
    await focal.locator('.as-list__state').first().click();
    await focal.getByText('Change since the earlier assessment').waitFor();
    await focal.getByRole('table', { name: 'Change since the earlier assessment' }).waitFor();
    await focal
      .getByText(/Gap narrowed by/)
      .first()
      .waitFor();
  });

  it('pictures the list, the filling, the result and the versions in English and Arabic', async () => {
    await picture(focal, 'list', async () => {
      await focal.goto(`${BASE_URL}/t/demo/assessments`);
      await focal.locator('cv-assessments-list-page').waitFor();
      await settled(focal);
      await focal.locator('.as-list__item').first().waitFor();
    });
    await picture(focal, 'result', async () => {
      await focal.goto(`${BASE_URL}/t/demo/assessments`);
      await settled(focal);
      await focal.locator('.as-list__state').first().click();
      await focal.locator('cv-assessment-radar svg').first().waitFor();
      await focal.locator('.as-heat').waitFor();
    });
    await picture(officer, 'fill', async () => {
      await officer.goto(`${BASE_URL}/t/demo/assessments?status=draft`);
      await settled(officer);
      await officer.goto(`${BASE_URL}/t/demo/assessments`);
      await settled(officer);
      const draft = officer.locator('.as-list__item', {
        has: officer.locator('[data-status="draft"]'),
      });
      await draft.first().locator('.as-list__state').click();
      await officer.locator('cv-assessment-result-page').waitFor();
      await officer.locator('a[href$="/fill"]').click();
      await officer.locator('fieldset.as-question').first().waitFor();
    });
  });
});
