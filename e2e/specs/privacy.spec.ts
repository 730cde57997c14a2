import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import {
  BASE_URL,
  launchBrowser,
  openPage,
  pictureEverywhere,
  signIn,
} from '../support/browser.ts';

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

/** A day `years` from today, YYYY-MM-DD. */
const yearsAhead = (years: number) => {
  const day = new Date();
  day.setUTCFullYear(day.getUTCFullYear() + years);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
};

/**
 * The demo's history goes back four years: the retention run the API does when it starts has
 * anonymised the participants of those events whose last event ended more than 36 months ago.
 * The admin sees that run, previews a later one and sets the periods.
 */
describe('keeping personal data', () => {
  let browser: Browser;
  let admin: Page;

  before(async () => {
    browser = await launchBrowser();
    admin = await openPage(browser, '/sign-in');
    await signIn(admin, 'admin@demo.example');
  });

  after(async () => {
    await browser.close();
  });

  it('shows the run done at start: old participants anonymised, the figures untouched', async () => {
    // The worker's first pass runs as the API starts; give it the time a slow machine needs.
    const deadline = Date.now() + 60_000;
    let anonymised = 0;
    for (;;) {
      anonymised = await database(async (db) => {
        const { rows } = await db.query<{ n: number }>(
          `select count(*)::int as n from participants p join tenants t on t.id = p.tenant_id
            where t.slug = 'demo' and p.anonymised_at is not null`,
        );
        return rows[0]?.n ?? 0;
      });
      if (anonymised > 0 || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    assert.ok(anonymised > 0, 'the start-up run anonymised the participants of 2022');
    // Nothing of them is left to read: the names in the history were fictional but real-looking.
    const leftovers = await database(async (db) => {
      const { rows } = await db.query<{ n: number }>(
        `select count(*)::int as n from participants
          where anonymised_at is not null
            and (full_name <> 'Anonymised participant' or email not like '%@anonymised.invalid')`,
      );
      return rows[0]?.n ?? 0;
    });
    assert.equal(leftovers, 0);

    await admin.goto(`${BASE_URL}/t/demo/settings`);
    const runs = admin.getByTestId('retention-runs');
    await runs.waitFor();
    assert.match(
      (await runs.textContent()) ?? '',
      new RegExp(`anonymised ${anonymised} participants`),
    );
    // The dashboard still counts them: those trained in 2022 are all anonymised now, and all
    // counted, as the nominations and check-ins say.
    const year = new Date().getUTCFullYear() - 4;
    const trained = await database(async (db) => {
      const { rows } = await db.query<{ n: number; named: number }>(
        `select count(*)::int as n,
                count(*) filter (where p.anonymised_at is null)::int as named
           from nominations n
           join events e on e.tenant_id = n.tenant_id and e.id = n.event_id
           join participants p on p.tenant_id = n.tenant_id and p.id = n.participant_id
           join tenants t on t.id = n.tenant_id
          where t.slug = 'demo' and n.status = 'approved' and e.status <> 'cancelled'
            and extract(year from e.starts_at at time zone e.time_zone) = $1
            and exists (select 1 from attendance a where a.tenant_id = n.tenant_id
                         and a.nomination_id = n.id and a.status in ('attended', 'partly'))`,
        [year],
      );
      return rows[0];
    });
    assert.ok(trained && trained.n > 0);
    assert.equal(trained.named, 0, `everyone trained in ${year} is anonymised`);
    const dashboard = await admin.request.get(
      `${BASE_URL}/api/t/demo/dashboard?from=${year}&to=${year}`,
    );
    assert.equal(dashboard.status(), 200);
    const { totals } = (await dashboard.json()) as { totals: { participants: number } };
    assert.equal(totals.participants, trained.n);
  });

  it('previews the run of a later day, and saves the periods', async () => {
    await admin.goto(`${BASE_URL}/t/demo/settings`);
    const preview = admin.getByTestId('retention-preview');
    await preview.waitFor();
    // Today no event's participants are due (only, perhaps, people other specs created without
    // a nomination since the start-up run); in three years last year's participants are.
    assert.match((await preview.textContent()) ?? '', /\d+ participants? of 0 events/);
    await admin.getByTestId('retention-day').fill(yearsAhead(3));
    await admin.getByTestId('retention-day').dispatchEvent('change');
    await admin
      .getByTestId('retention-preview')
      .filter({ hasNotText: / of 0 events/ })
      .waitFor();
    assert.match((await preview.textContent()) ?? '', /[1-9]\d* participants of [1-9]\d* events/);

    // Out of bounds: the form says so and sends nothing.
    await admin.getByTestId('retention-mailDays').fill('2');
    await admin.getByRole('button', { name: 'Save' }).last().click();
    await admin.getByText('A whole number from 7 to 3650.').waitFor();
    await admin.getByTestId('retention-mailDays').fill('60');
    await admin.getByRole('button', { name: 'Save' }).last().click();
    await admin.getByText('Retention periods saved').waitFor();
    await admin.getByText(/^\s*Set by /).waitFor();
    const saved = await admin.request.get(`${BASE_URL}/api/t/demo/privacy/retention`);
    assert.equal(((await saved.json()) as { mailDays: number }).mailDays, 60);
  });

  it('exports a participant’s data, erases it, and the event’s figures stay the same', async () => {
    // A participant of last year's history, not yet due for the retention run.
    const person = await database(async (db) => {
      const { rows } = await db.query<{ email: string; event_id: string }>(
        `select p.email, n.event_id from participants p
           join nominations n on n.participant_id = p.id
           join events e on e.id = n.event_id
          where p.email like 'history.%' and p.anonymised_at is null
          order by e.starts_at desc, p.email limit 1`,
      );
      return rows[0];
    });
    assert.ok(person, 'a participant of the history');
    const figures = async () =>
      (await admin.request.get(`${BASE_URL}/api/t/demo/events/${person.event_id}/figures`)).json();
    const before = await figures();

    await admin.goto(`${BASE_URL}/t/demo/settings`);
    await admin.getByTestId('people-link').click();
    await admin.getByTestId('people-q').fill(person.email);
    await admin.getByRole('button', { name: 'Search' }).click();
    await admin.getByTestId('people-hits').getByRole('button').first().click();
    await admin.getByTestId('person-counts').waitFor();

    await admin.getByTestId('export-reason').fill('Subject access request received by letter');
    const download = admin.waitForEvent('download');
    await admin.getByRole('button', { name: 'Download PDF' }).click();
    const file = await download;
    const path = await file.path();
    const { readFileSync } = await import('node:fs');
    assert.equal(readFileSync(path).subarray(0, 5).toString(), '%PDF-');

    await admin.getByTestId('erasure-goes').waitFor();
    await admin.getByTestId('erase-reason').fill('Erasure asked for by the person, in writing');
    await admin.getByTestId('erase-confirm').click();
    await admin.getByRole('button', { name: 'Erase now' }).click();
    await admin.getByTestId('erased').waitFor();

    const after = await database(async (db) => {
      const { rows } = await db.query<{ requests: number }>(
        `select count(*)::int as requests from privacy_requests`,
      );
      return rows[0];
    });
    assert.equal(after?.requests, 2, 'the export and the erasure are both on record');
    const gone = await database(async (db) => {
      const { rows } = await db.query<{ n: number }>(
        `select count(*)::int as n from participants where lower(email) = lower($1)`,
        [person.email],
      );
      return rows[0]?.n;
    });
    assert.equal(gone, 0, 'nobody has that address any more');
    assert.deepEqual(await figures(), before);

    await pictureEverywhere(admin, { folder: 'privacy', name: 'people' }, async () => {
      await admin.goto(`${BASE_URL}/t/demo/settings/people`);
      await admin.getByTestId('people-q').fill('history');
      await admin.getByTestId('people-q').press('Enter');
      await admin.getByTestId('people-hits').getByRole('button').first().click();
      await admin.getByTestId('person-counts').waitFor();
    });
  });

  it('pictures the settings at both sizes in English and Arabic', async () => {
    await pictureEverywhere(admin, { folder: 'privacy', name: 'retention' }, async () => {
      await admin.goto(`${BASE_URL}/t/demo/settings`);
      await admin.getByTestId('retention-runs').waitFor();
      await admin.getByTestId('retention-preview').waitFor();
    });
  });
});
