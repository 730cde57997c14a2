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

const EVENT = 'Expert group meeting on terrorist use of the internet';

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

/**
 * A held meeting of the demo tenant hosted by Kenya, with the demo expert as its rapporteur
 * (accepted): the screens that assign experts belong to another part, so the rows are written
 * directly.
 */
async function heldMeeting(): Promise<string> {
  const url = process.env['E2E_DATABASE_URL'];
  assert.ok(url, 'run through e2e/run.mjs, which passes E2E_DATABASE_URL');
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const { rows } = await db.query<{ id: string }>(
      `with t as (select id from tenants where slug = 'demo'),
            e as (insert into events (tenant_id, type, title, summary, thematic_areas, format,
                                      venue_name, venue_city, venue_country, starts_at, ends_at,
                                      time_zone, working_languages, host_states, status,
                                      announced_at)
                  select t.id, 'expert_group_meeting', $1, 'Outcomes and next steps',
                         '{propaganda}', 'in_person', 'Vienna International Centre', 'Nairobi',
                         'KEN', now() - interval '10 days', now() - interval '8 days',
                         'Africa/Nairobi', '{en,ar}', '{KEN}', 'held', now() - interval '40 days'
                    from t returning tenant_id, id)
       insert into expert_assignments (tenant_id, event_id, user_id, role, status, answered_at)
       select e.tenant_id, e.id, u.id, 'rapporteur', 'accepted', now()
         from e, users u where u.email = 'expert@demo.example'
       returning event_id as id`,
      [EVENT],
    );
    assert.ok(rows[0], 'the meeting was written');
    return rows[0].id;
  } finally {
    await db.end();
  }
}

async function upload(
  page: Page,
  file: { name: string; words: string },
  fields: { title: string; kind: RegExp; visibility?: RegExp },
): Promise<void> {
  const dialog = await openDialog(page, page.getByRole('button', { name: 'Add a document' }));
  await dialog.getByLabel('Title').fill(fields.title);
  await dialog.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: fields.kind }).click();
  if (fields.visibility) {
    await dialog.getByRole('combobox', { name: 'Who may read it' }).click();
    await page.getByRole('option', { name: fields.visibility }).click();
  }
  await dialog.getByTestId('document-file').setInputFiles({
    name: file.name,
    mimeType: 'application/pdf',
    buffer: await pdf(file.words),
  });
  await dialog.getByRole('button', { name: 'Upload' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByTestId('document').filter({ hasText: fields.title }).waitFor();
}

describe('documents: uploads, the meeting report, search', () => {
  let browser: Browser;
  let eventId: string;

  before(async () => {
    browser = await launchBrowser();
    eventId = await heldMeeting();
  });
  after(async () => {
    await browser.close();
    // Whatever step failed, the people this spec switched get their demo languages back, so a
    // failure here does not show up as another spec's (experts.spec reads the expert's French).
    const db = new pg.Client({ connectionString: process.env['E2E_DATABASE_URL'] });
    await db.connect();
    try {
      await db.query(
        `update users set preferred_language = case email when 'expert@demo.example' then 'fr' else 'en' end
          where email in ('expert@demo.example', 'focal@demo.example')`,
      );
    } finally {
      await db.end();
    }
  });

  it('lets the officer add a concept note and the expert a presentation and the draft report', async () => {
    const officer = await openPage(browser, '/sign-in');
    await signIn(officer, 'officer@demo.example');
    await officer.goto(`${BASE_URL}/t/demo/events/${eventId}?tab=documents`);
    await upload(
      officer,
      { name: 'concept-note.pdf', words: 'Concept note of the expert group meeting' },
      { title: 'Concept note', kind: /^Concept note$/, visibility: /^Staff and experts$/ },
    );
    await expectAccessible(officer, 'the documents tab');
    await officer.context().close();

    const expert = await openPage(browser, '/sign-in');
    await signIn(expert, 'expert@demo.example');
    await resetLanguage(expert);
    await expert.goto(`${BASE_URL}/t/demo/events/${eventId}?tab=documents`);
    await upload(
      expert,
      { name: 'slides.pdf', words: 'Moderation of terrorist content online' },
      { title: 'Presentation on content moderation', kind: /^Presentation$/ },
    );
    await upload(
      expert,
      { name: 'report.pdf', words: 'The meeting recommended interoperability of hash databases' },
      { title: 'Meeting report', kind: /^Meeting report$/ },
    );
    const report = expert.getByTestId('document').filter({ hasText: 'Meeting report' });
    await report.getByText('Draft').waitFor();
    // The rapporteur cannot publish it: that is the officer's.
    assert.equal(await report.getByRole('button', { name: 'Publish' }).count(), 0);
    await expert.context().close();
  });

  it('has the officer publish the report and mark the event reported', async () => {
    const officer = await openPage(browser, '/sign-in');
    await signIn(officer, 'officer@demo.example');
    await officer.goto(`${BASE_URL}/t/demo/events/${eventId}?tab=documents`);
    const report = officer.getByTestId('document').filter({ hasText: 'Meeting report' });
    await report.getByRole('button', { name: 'Publish' }).click();
    await report.getByText('Draft').waitFor({ state: 'detached' });
    for (const [width, height] of [
      [1366, 900],
      [390, 844],
    ] as const) {
      await officer.setViewportSize({ width, height });
      await expectNoSidewaysScroll(officer, `the documents tab at ${width}px`);
      await screenshot(officer, `documents-tab-en-${width}`);
    }
    await officer.setViewportSize({ width: 1366, height: 900 });
    const dialog = await openDialog(
      officer,
      officer.getByRole('button', { name: 'Mark as reported' }),
    );
    await dialog.getByRole('button', { name: 'Mark as reported' }).click();
    await dialog.waitFor({ state: 'detached' });
    await officer.locator('.event-heading cv-event-status', { hasText: /Reported\s*$/ }).waitFor();
    await officer.context().close();
  });

  it('lets the Kenyan focal point find the public report by a word of its text, in English and Arabic', async () => {
    const focal = await openPage(browser, '/sign-in');
    await signIn(focal, 'focal@demo.example');
    await resetLanguage(focal);
    await focal.goto(`${BASE_URL}/t/demo/documents`);
    // The text is extracted in the background: search until it is there.
    const deadline = Date.now() + 30_000;
    for (;;) {
      await focal.getByRole('main').getByRole('searchbox').fill('interoperability');
      await focal.getByRole('button', { name: 'Search' }).click();
      const hit = focal.getByTestId('search-hit').filter({ hasText: 'Meeting report' });
      if ((await hit.count()) > 0) break;
      assert.ok(Date.now() < deadline, 'the report was found by a word of its text');
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const hit = focal.getByTestId('search-hit').filter({ hasText: 'Meeting report' });
    assert.match((await hit.locator('mark').first().textContent()) ?? '', /interoperability/i);
    // The concept note is for the staff and experts: never in a focal point's results.
    assert.equal(
      await focal.getByTestId('search-hit').filter({ hasText: 'Concept note' }).count(),
      0,
    );
    await expectAccessible(focal, 'the documents page');
    for (const [width, height] of [
      [1366, 900],
      [390, 844],
    ] as const) {
      await focal.setViewportSize({ width, height });
      await expectNoSidewaysScroll(focal, `the documents page at ${width}px`);
      await screenshot(focal, `documents-search-en-${width}`);
    }
    await resetLanguage(focal, 'ar');
    await focal.goto(`${BASE_URL}/t/demo/documents`);
    await focal.getByRole('main').getByRole('searchbox').fill('interoperability');
    await focal.getByRole('button', { name: 'بحث' }).click();
    await focal.getByTestId('search-hit').first().waitFor();
    assert.equal(await focal.locator('html').getAttribute('dir'), 'rtl');
    await expectAccessible(focal, 'the documents page in Arabic');
    for (const [width, height] of [
      [1366, 900],
      [390, 844],
    ] as const) {
      await focal.setViewportSize({ width, height });
      await expectNoSidewaysScroll(focal, `the documents page in Arabic at ${width}px`);
      await screenshot(focal, `documents-search-ar-${width}`);
    }
    await resetLanguage(focal);
    await focal.context().close();
  });
});
