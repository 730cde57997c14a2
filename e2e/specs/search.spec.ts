import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import PDFDocument from 'pdfkit';
import type { Browser, Page } from 'playwright-core';
import {
  BASE_URL,
  expectAccessible,
  expectNoSidewaysScroll,
  launchBrowser,
  openDialog,
  openPage,
  resetLanguage,
  screenshot,
  signIn,
} from '../support/browser.ts';

const STAFF_ONLY = 'Evidence handling notes for the staff';
const PUBLIC_PAPER = 'Evidence sharing handbook';
const DRAFT_EVENT = 'Evidence retreat still in draft';

/** A real PDF holding `words`, as an uploader's computer would have it. */
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

async function database<T>(work: (db: pg.Client) => Promise<T>): Promise<T> {
  const url = process.env['E2E_DATABASE_URL'];
  assert.ok(url, 'run through e2e/run.mjs, which passes E2E_DATABASE_URL');
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

/**
 * What the search must find or hide, written directly (other parts own the screens that make
 * them): a staff-only and a public library document, and a draft event nobody but the
 * planners may see.
 */
async function searchable(): Promise<void> {
  await database(async (db) => {
    await db.query(
      `with t as (select id from tenants where slug = 'demo')
       insert into documents (tenant_id, title, kind, visibility, published_at)
       select t.id, title, 'other', visibility, now()
         from t, (values ($1, 'staff'), ($2, 'public')) as d (title, visibility)`,
      [STAFF_ONLY, PUBLIC_PAPER],
    );
    await db.query(
      `insert into events (tenant_id, type, title, summary, thematic_areas, format, starts_at,
                           ends_at, time_zone, working_languages, host_states, status)
       select id, 'national_workshop', $1, 'Planning', '{financing}', 'virtual',
              now() + interval '90 days', now() + interval '91 days', 'UTC', '{en}', '{KEN}', 'draft'
         from tenants where slug = 'demo'`,
      [DRAFT_EVENT],
    );
  });
}

/** Types in the header's search box (loaded once the page is idle) and presses Enter. */
async function searchFromHeader(page: Page, words: string): Promise<void> {
  const box = page.getByTestId('header-search');
  await box.waitFor();
  await box.focus();
  await page.keyboard.type(words);
  await page.keyboard.press('Enter');
  await page.getByTestId('search-summary').waitFor();
}

async function shots(page: Page, name: string, where: string): Promise<void> {
  for (const [width, height] of [
    [1366, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expectNoSidewaysScroll(page, `${where} at ${width}px`);
    await screenshot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

describe('search across the tenant, and expert CVs', () => {
  let browser: Browser;

  before(async () => {
    browser = await launchBrowser();
    await searchable();
  });
  after(async () => {
    await browser.close();
    // The demo people get their languages back whatever failed (experts.spec reads Camille's
    // French), and the rows of this spec go.
    await database(async (db) => {
      await db.query(
        `update users set preferred_language = case email when 'expert@demo.example' then 'fr' else 'en' end
          where email in ('expert@demo.example', 'focal@demo.example', 'officer@demo.example')`,
      );
      await db.query(`delete from documents where title = any ($1)`, [[STAFF_ONLY, PUBLIC_PAPER]]);
      await db.query(`delete from events where title = $1`, [DRAFT_EVENT]);
    });
  });

  it('gives the officer every kind of hit from the header, drafts and staff documents included', async () => {
    const officer = await openPage(browser, '/sign-in');
    await signIn(officer, 'officer@demo.example');
    await officer.setViewportSize({ width: 1366, height: 900 });
    await searchFromHeader(officer, 'evidence');
    assert.match(officer.url(), /\/t\/demo\/search\?q=evidence$/);
    const events = officer.getByTestId('search-group-events');
    await events.getByRole('link', { name: DRAFT_EVENT }).waitFor();
    const documents = officer.getByTestId('search-group-documents');
    await documents.getByRole('link', { name: STAFF_ONLY }).waitFor();
    await documents.getByRole('link', { name: PUBLIC_PAPER }).waitFor();
    await expectAccessible(officer, 'the search results');
    await shots(officer, 'search-officer-en', 'the officer’s search results');

    // The roster is the officer's to search: an expert by name.
    await officer.getByTestId('search-page-input').fill('Kovalenko');
    await officer.getByTestId('search-page-input').press('Enter');
    await officer
      .getByTestId('search-group-experts')
      .getByRole('link', { name: 'Olena Kovalenko' })
      .click();
    await officer.getByRole('heading', { level: 1, name: 'Olena Kovalenko' }).waitFor();
    await officer.getByTestId('expert-cv').getByText('Kovalenko_CV.pdf').waitFor();
    await officer.context().close();
  });

  it('never shows the focal point a staff-only document or a draft event, in English and Arabic', async () => {
    const focal = await openPage(browser, '/sign-in');
    await signIn(focal, 'focal@demo.example');
    await resetLanguage(focal);
    await focal.goto(`${BASE_URL}/t/demo`);
    await focal.setViewportSize({ width: 1366, height: 900 });
    await searchFromHeader(focal, 'evidence');
    const documents = focal.getByTestId('search-group-documents');
    await documents.getByRole('link', { name: PUBLIC_PAPER }).waitFor();
    assert.equal(await focal.getByText(STAFF_ONLY).count(), 0);
    assert.equal(await focal.getByText(DRAFT_EVENT).count(), 0);
    // Nor the roster: experts are the staff's to search.
    assert.equal(await focal.getByTestId('search-group-experts').count(), 0);
    await expectAccessible(focal, 'the focal point’s search results');
    await shots(focal, 'search-focal-en', 'the focal point’s search results');

    // On a phone the header has a search button that opens the page.
    await focal.setViewportSize({ width: 390, height: 844 });
    await focal.goto(`${BASE_URL}/t/demo`);
    await focal.getByTestId('header-search-link').click();
    await focal.getByTestId('search-page-input').fill('handbook');
    await focal.getByTestId('search-page-input').press('Enter');
    await focal
      .getByTestId('search-group-documents')
      .getByRole('link', { name: PUBLIC_PAPER })
      .waitFor();

    await resetLanguage(focal, 'ar');
    await focal.setViewportSize({ width: 1366, height: 900 });
    await focal.goto(`${BASE_URL}/t/demo/search?q=evidence`);
    await focal
      .getByTestId('search-group-documents')
      .getByRole('link', { name: PUBLIC_PAPER })
      .waitFor();
    assert.equal(await focal.locator('html').getAttribute('dir'), 'rtl');
    assert.equal(await focal.getByText(STAFF_ONLY).count(), 0);
    await expectAccessible(focal, 'the search results in Arabic');
    await shots(focal, 'search-focal-ar', 'the search results in Arabic');
    await resetLanguage(focal);
    await focal.context().close();
  });

  it('lets the expert upload her CV, which the officer then finds on her roster profile', async () => {
    const expert = await openPage(browser, '/sign-in');
    await signIn(expert, 'expert@demo.example');
    await resetLanguage(expert);
    await expert.goto(`${BASE_URL}/t/demo/experts/me`);
    await expert.getByTestId('expert-cv-none').waitFor();
    await expert.getByTestId('expert-cv-input').setInputFiles({
      name: 'Camille Laurent CV.pdf',
      mimeType: 'application/pdf',
      buffer: await pdf('Camille Laurent, digital evidence and content moderation'),
    });
    await expert.getByTestId('expert-cv').getByText('Camille Laurent CV.pdf').waitFor();
    await expectAccessible(expert, 'the expert’s profile with a CV');
    await shots(expert, 'expert-cv-en', 'the expert’s profile with a CV');
    // A file that only calls itself a PDF is refused, and the CV stays.
    await expert.getByTestId('expert-cv-input').setInputFiles({
      name: 'not-a-cv.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('<!doctype html><p>not a CV</p>'),
    });
    await expert.locator('.cv-banner--error').waitFor();
    await expert.getByTestId('expert-cv').getByText('Camille Laurent CV.pdf').waitFor();
    await expert.context().close();

    const officer = await openPage(browser, '/sign-in');
    await signIn(officer, 'officer@demo.example');
    await officer.setViewportSize({ width: 1366, height: 900 });
    await searchFromHeader(officer, 'Camille');
    await officer
      .getByTestId('search-group-experts')
      .getByRole('link', { name: 'Camille Laurent' })
      .click();
    const cv = officer.getByTestId('expert-cv');
    await cv.getByText('Camille Laurent CV.pdf').waitFor();
    const download = officer.waitForEvent('download');
    await cv.getByRole('link', { name: 'Camille Laurent CV.pdf' }).click();
    assert.equal((await download).suggestedFilename(), 'Camille Laurent CV.pdf');
    await resetLanguage(officer, 'ar');
    await officer.reload();
    await officer.getByTestId('expert-cv').waitFor();
    await shots(officer, 'expert-cv-ar', 'the roster profile with a CV in Arabic');
    await resetLanguage(officer);
    // Removing it asks first, then the profile says there is none.
    await officer.reload();
    const dialog = await openDialog(
      officer,
      officer.getByRole('button', { name: 'Remove the CV' }),
    );
    await dialog.getByRole('button', { name: 'Remove the CV' }).click();
    await officer.getByTestId('expert-cv-none').waitFor();
    await officer.context().close();
  });

  it('lets the officer delete a library document after confirming', async () => {
    const officer = await openPage(browser, '/sign-in');
    await signIn(officer, 'officer@demo.example');
    await officer.goto(`${BASE_URL}/t/demo/documents`);
    const document = officer.getByTestId('document').filter({ hasText: STAFF_ONLY });
    const dialog = await openDialog(
      officer,
      document.getByRole('button', { name: `Delete “${STAFF_ONLY}”` }),
    );
    await screenshot(officer, 'document-delete-confirm-en-1366');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await document.waitFor({ state: 'detached' });
    await officer.context().close();
  });
});
