import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import {
  BASE_URL,
  DEMO_PASSWORD,
  expectAccessible,
  expectNoSidewaysScroll,
  launchBrowser,
  openPage,
  pictureEverywhere,
  screenshot,
  screenshotWhole,
  signIn,
  waitForMail,
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
    // The demo's record already holds last year's export of someone else's data.
    const recordedBefore = await database(async (db) => {
      const { rows } = await db.query<{ requests: number }>(
        `select count(*)::int as requests from privacy_requests`,
      );
      return rows[0]?.requests ?? 0;
    });
    assert.ok(recordedBefore > 0, 'the demo fills the record of requests');
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

    const recordedNow = async () =>
      database(async (db) => {
        const { rows } = await db.query<{ requests: number }>(
          `select count(*)::int as requests from privacy_requests`,
        );
        return rows[0]?.requests ?? 0;
      });
    assert.equal(
      await recordedNow(),
      recordedBefore + 2,
      'the export and the erasure are both on record',
    );
    // And the page's record of requests shows both, newest first, the person by a reference only.
    const record = admin.getByTestId('privacy-requests');
    await record.getByText('Erasure asked for by the person, in writing').waitFor();
    await record.getByText('Subject access request received by letter').waitFor();
    const recorded = (await record.textContent()) ?? '';
    assert.ok(!recorded.includes(person.email), 'the record does not name the erased person');
    const gone = await database(async (db) => {
      const { rows } = await db.query<{ n: number }>(
        `select count(*)::int as n from participants where lower(email) = lower($1)`,
        [person.email],
      );
      return rows[0]?.n;
    });
    assert.equal(gone, 0, 'nobody has that address any more');
    assert.deepEqual(await figures(), before);

    await pictureEverywhere(
      admin,
      { folder: 'privacy', name: 'people' },
      async () => {
        await admin.goto(`${BASE_URL}/t/demo/settings/people`);
        await admin.getByTestId('people-q').fill('history');
        await admin.getByTestId('people-q').press('Enter');
        await admin.getByTestId('people-hits').getByRole('button').first().click();
        await admin.getByTestId('person-counts').waitFor();
      },
      async () => {
        // Each hit starts where the page's text starts, the name as its details below it: on the
        // right in Arabic, even for a name in Latin letters.
        const edges = await admin
          .getByTestId('people-hits')
          .getByRole('button')
          .first()
          .evaluate((hit) => {
            const name = hit.querySelector('.hit-name bdi')?.getBoundingClientRect();
            const meta = hit.querySelector('.hit-meta')?.getBoundingClientRect();
            const rtl = getComputedStyle(hit).direction === 'rtl';
            return name && meta
              ? { rtl, name: rtl ? name.right : name.left, meta: rtl ? meta.right : meta.left }
              : null;
          });
        assert.ok(edges, 'a hit with a name and its details');
        assert.ok(
          Math.abs(edges.name - edges.meta) < 2,
          `the name starts with its details: ${JSON.stringify(edges)}`,
        );
      },
    );
  });

  it('pictures the settings at both sizes in English and Arabic', async () => {
    await pictureEverywhere(admin, { folder: 'privacy', name: 'retention' }, async () => {
      await admin.goto(`${BASE_URL}/t/demo/settings`);
      await admin.getByTestId('retention-runs').waitFor();
      await admin.getByTestId('retention-preview').waitFor();
    });
  });
});

/** What the focal point was shown (CONSENT_TEXTS.en of the contracts, version 2026-12). */
const CONSENT = {
  version: '2026-12',
  text: 'I confirm that the person I nominate has agreed that their name, contact details, function, institution and needs are processed by this organisation to organise the event, to keep a record of participation and to issue a certificate, and that they were told they may withdraw this consent at any time.',
};

/**
 * A nominee of the demo tenant for an event a month ahead, approved, with the consent their focal
 * point attested twice (when nominating, and again when the nomination was edited). The screens
 * that make one belong to other parts, so the rows are written directly; `after` removes them.
 */
async function nomineeWithConsent(email: string, name: string) {
  return database(async (db) => {
    const { rows } = await db.query<{ event_id: string; nomination_id: string }>(
      `with t as (select id from tenants where slug = 'demo'),
            e as (insert into events (tenant_id, type, title, summary, thematic_areas, format,
                                      venue_name, venue_city, venue_country, starts_at, ends_at,
                                      time_zone, working_languages, host_states, status)
                  select t.id, 'regional_workshop', 'Workshop on protecting witnesses',
                         'Protection of witnesses and collaborators of justice', '{financing}',
                         'in_person', 'UN Gigiri', 'Nairobi', 'KEN',
                         now() + interval '30 days', now() + interval '32 days',
                         'Africa/Nairobi', '{en,ar}', '{KEN}', 'planned'
                    from t returning tenant_id, id),
            i as (insert into event_invitations (tenant_id, event_id, member_state_code, seats,
                                                 nomination_deadline, status)
                  select e.tenant_id, e.id, 'KEN', 3, current_date + 10, 'accepted'
                    from e returning tenant_id, event_id, id),
            p as (insert into participants (tenant_id, email, full_name)
                  select tenant_id, $1, $2 from i returning tenant_id, id)
       insert into nominations (tenant_id, event_id, invitation_id, participant_id,
                                member_state_code, sex, institution_type, audience,
                                preferred_language, status, confirmation, check_in_code,
                                function_title, institution)
       select i.tenant_id, i.event_id, i.id, p.id, 'KEN', 'female', 'prosecution', 'prosecutors',
              'en', 'approved', 'pending', upper(substr(md5(random()::text), 1, 10)),
              'Prosecutor', 'Office of the Director of Public Prosecutions'
         from i, p
       returning event_id, id as nomination_id`,
      [email, name],
    );
    const row = rows[0];
    assert.ok(row, 'the nominee was written');
    await db.query(
      `insert into consent_attestations (tenant_id, nomination_id, attested_by, attested_at,
                                         text_version, text)
       select n.tenant_id, n.id, u.id, now() - make_interval(days => d), $2, $3
         from nominations n, users u, unnest(array[20, 6]) d
        where n.id = $1 and u.email = 'focal@demo.example'`,
      [row.nomination_id, CONSENT.version, CONSENT.text],
    );
    return { eventId: row.event_id, nominationId: row.nomination_id };
  });
}

/** The participant's page link, as the officer's reissue mails it. */
async function participantPageLink(nominee: { eventId: string; nominationId: string }) {
  const officer = await openPage(browser(), '/sign-in');
  try {
    await signIn(officer, 'officer@demo.example');
    const xsrf = (await officer.context().cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value;
    assert.ok(xsrf, 'the officer holds a CSRF token');
    const answer = await officer.request.post(
      `${BASE_URL}/api/t/demo/events/${nominee.eventId}/nominations/${nominee.nominationId}/links/reissue`,
      { headers: { 'x-xsrf-token': decodeURIComponent(xsrf) }, data: {} },
    );
    assert.equal(answer.status(), 200);
  } finally {
    await officer.context().close();
  }
}

let sharedBrowser: Browser | undefined;
const browser = () => {
  assert.ok(sharedBrowser, 'the browser is launched');
  return sharedBrowser;
};

describe('a participant withdraws their consent', () => {
  const email = `nadia.okafor.${Date.now()}@example.org`;
  let nominee: { eventId: string; nominationId: string };
  let link: string;
  let page: Page;

  before(async () => {
    sharedBrowser = await launchBrowser();
    nominee = await nomineeWithConsent(email, 'Nadia Okafor');
    await participantPageLink(nominee);
    const path = /https?:\/\/\S+?(\/p\/[\w-]+\.[\w-]+)/.exec((await waitForMail(email)).text)?.[1];
    assert.ok(path, 'the mail carries the page link');
    link = path;
    page = await (await browser().newContext({ locale: 'en-GB' })).newPage();
  });

  after(async () => {
    await browser().close();
    // The event and the person were this test's own: later specs see the demo as it was.
    await database(async (db) => {
      await db.query(`delete from events where id = $1`, [nominee.eventId]);
      await db.query(`delete from participants where lower(email) = lower($1)`, [email]);
    });
  });

  it('pictures the consent card at both sizes in English and Arabic', async () => {
    const card = page.getByTestId('participant-consent');
    for (const language of ['en', 'ar'] as const) {
      for (const size of [
        { width: 1366, height: 768 },
        { width: 390, height: 844 },
      ]) {
        await page.setViewportSize(size);
        await page.goto(BASE_URL + link);
        // The page opens in the participant's language (English); the menu changes it.
        await page
          .getByRole('heading', { name: 'Your participation, Nadia Okafor', level: 1 })
          .waitFor();
        if (language === 'ar') {
          await page.getByRole('button', { name: /Change language/ }).click();
          await page.getByRole('menuitemradio', { name: /العربية/ }).click();
          await page
            .getByRole('heading', { name: /^مشاركتكم، .*Nadia Okafor/, level: 1 })
            .waitFor();
          assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
        }
        await card.locator('li').nth(1).waitFor();
        await card.locator('summary').first().click();
        await card.locator('details[open]').waitFor();
        await page.evaluate(async () => {
          await document.fonts.ready;
        });
        const where = `participant consent at ${size.width} in ${language}`;
        await expectAccessible(page, where);
        if (size.width < 600) await expectNoSidewaysScroll(page, where);
        await screenshotWhole(page, `privacy/${size.width}-${language}-participant-consent`);
        await card.screenshot({
          path: `e2e/screenshots/privacy-consent-${size.width}-${language}.png`,
        });
        // The question asked before anything is withdrawn, pictured too.
        // The card's one button, whatever the language: "Withdraw my consent".
        await card.getByRole('button').click();
        await card.locator('.participant-consent__confirm').waitFor();
        await expectAccessible(page, `${where}, asking`);
        if (size.width < 600) await expectNoSidewaysScroll(page, `${where}, asking`);
        await card.screenshot({
          path: `e2e/screenshots/privacy-consent-asking-${size.width}-${language}.png`,
        });
      }
    }
  });

  it('shows the history, asks first, withdraws the nomination before the event', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(BASE_URL + link);
    const card = page.getByTestId('participant-consent');
    await page
      .getByRole('heading', { name: 'Your participation, Nadia Okafor', level: 1 })
      .waitFor();
    // Both attestations, the older first, with the text's version; none withdrawn yet.
    const given = card.locator('li');
    await given.nth(1).waitFor();
    assert.equal(await given.count(), 2);
    for (const item of await given.all()) {
      // The version is one left-to-right word (isolated, its hyphen a non-breaking one).
      assert.match(
        (await item.textContent()) ?? '',
        /Given on .+ \(text version \u20662026\u201112\u2069\)\./u,
      );
    }
    assert.equal(await card.getByText(/Withdrawn on/).count(), 0);
    await card.getByText('The text that was shown').first().click();
    await card.getByText(CONSENT.text).first().waitFor();

    // Asked first: keeping it changes nothing.
    await card.getByRole('button', { name: 'Withdraw my consent' }).click();
    await card
      .getByText(
        /^\s*If you withdraw your consent before the event ends, your nomination is withdrawn/,
      )
      .waitFor();
    await card.getByRole('button', { name: 'Keep my consent' }).click();
    await card.getByRole('button', { name: 'Withdraw my consent' }).waitFor();
    const status = async () =>
      database(async (db) => {
        const { rows } = await db.query<{ status: string; withdrawn: number }>(
          `select n.status,
                  (select count(*)::int from consent_attestations c
                    where c.nomination_id = n.id and c.withdrawn_at is not null) as withdrawn
             from nominations n where n.id = $1`,
          [nominee.nominationId],
        );
        return rows[0];
      });
    assert.deepEqual(await status(), { status: 'approved', withdrawn: 0 });

    await card.getByRole('button', { name: 'Withdraw my consent' }).click();
    await card.getByRole('button', { name: 'Yes, withdraw my consent' }).click();
    await card
      .getByRole('status')
      .filter({ hasText: 'Your consent and your nomination are withdrawn.' })
      .waitFor();
    await expectAccessible(page, 'participant consent withdrawn');
    await screenshot(page, 'privacy-consent-withdrawn');
    assert.deepEqual(await status(), { status: 'withdrawn', withdrawn: 2 });

    // The page's link stopped working with it: opening it again says so.
    await page.goto(BASE_URL + link);
    await page.getByRole('heading', { name: 'This link was withdrawn' }).waitFor();
  });
});

/** A member of the demo tenant of their own, to close: signs in with the demo password. */
async function throwawayMember(email: string, name: string) {
  await database((db) =>
    db.query(
      `with u as (insert into users (email, name, password_hash)
                  select $1, $2, password_hash from users where email = 'admin@demo.example'
                  returning id)
       insert into memberships (tenant_id, user_id, role)
       select t.id, u.id, 'programme_officer' from tenants t, u where t.slug = 'demo'`,
      [email, name],
    ),
  );
}

describe('a person closes their own account', () => {
  const email = `closing.${Date.now()}@example.org`;
  let browser: Browser;

  before(async () => {
    browser = await launchBrowser();
    await throwawayMember(email, 'Jonas Eriksen');
  });

  after(async () => {
    await browser.close();
  });

  it('pictures the card, closes the account, and the person is signed out for good', async () => {
    const userId = await database(async (db) => {
      const { rows } = await db.query<{ id: string }>(`select id from users where email = $1`, [
        email,
      ]);
      return rows[0]?.id;
    });
    assert.ok(userId);
    const page = await openPage(browser, '/sign-in');
    await signIn(page, email);
    const card = page.getByTestId('close-account');
    await pictureEverywhere(
      page,
      { folder: 'privacy', name: 'close-account' },
      async () => {
        await page.goto(`${BASE_URL}/profile`);
        await card.getByRole('heading', { level: 2 }).waitFor();
      },
      async () => {
        await card.scrollIntoViewIfNeeded();
        const { width } = page.viewportSize() ?? { width: 0 };
        const language = await page.evaluate(() => document.documentElement.lang);
        await card.screenshot({ path: `e2e/screenshots/privacy-close-${width}-${language}.png` });
      },
    );

    await page.goto(`${BASE_URL}/profile`);
    // Neither the password nor the box is optional.
    await card.getByRole('button', { name: 'Close my account' }).click();
    await card.getByText('Tick the box to confirm.').waitFor();
    await card.getByLabel(/current password/i).fill(DEMO_PASSWORD);
    await card.getByText('I understand that my account is closed for good').click();
    await card.getByRole('button', { name: 'Close my account' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/sign-in'));
    await page.getByText('Your account is closed.').waitFor();

    const account = await database(async (db) => {
      const { rows } = await db.query<{ name: string; email: string; active: number }>(
        `select u.name, u.email, u.password_hash is null as no_password,
                (select count(*)::int from memberships m
                  where m.user_id = u.id and m.status = 'active') as active
           from users u where u.id = $1`,
        [userId],
      );
      return rows[0];
    });
    assert.deepEqual(account, {
      name: 'Former member',
      email: `closed-${userId}@closed.invalid`,
      no_password: true,
      active: 0,
    });

    // Signing in again fails as for any unknown address.
    await page.getByLabel(/email/i).fill(email);
    await page
      .getByLabel(/password/i)
      .first()
      .fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.getByText('The email or password is incorrect.').waitFor();
    assert.ok(new URL(page.url()).pathname.startsWith('/sign-in'));
    await page.context().close();
  });

  it('refuses the last administrator, and says why', async () => {
    // Only while the demo has one active administrator: were there two, this would close one.
    const admins = await database(async (db) => {
      const { rows } = await db.query<{ n: number }>(
        `select count(*)::int as n from memberships m join tenants t on t.id = m.tenant_id
          where t.slug = 'demo' and m.role = 'tenant_admin' and m.status = 'active'`,
      );
      return rows[0]?.n;
    });
    assert.equal(admins, 1, 'the demo has one administrator');
    const page = await openPage(browser, '/sign-in');
    await signIn(page, 'admin@demo.example');
    await page.goto(`${BASE_URL}/profile`);
    const card = page.getByTestId('close-account');
    await card.getByLabel(/current password/i).fill(DEMO_PASSWORD);
    await card.getByText('I understand that my account is closed for good').click();
    await card.getByRole('button', { name: 'Close my account' }).click();
    const refusal = card.locator('.cv-banner--error');
    await refusal.waitFor();
    assert.equal(
      (await refusal.textContent())?.trim(),
      'You are the last administrator of an organisation: make someone else an administrator there first, then close your account.',
    );
    await expectAccessible(page, 'close-account refused');
    await card.screenshot({ path: 'e2e/screenshots/privacy-close-last-admin.png' });
    // Still signed in, and still the administrator.
    assert.ok(new URL(page.url()).pathname.startsWith('/profile'));
    assert.equal((await page.request.get(`${BASE_URL}/api/me`)).status(), 200);
    await page.context().close();
  });
});
