import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import {
  BASE_URL,
  expectAccessible,
  expectNoSidewaysScroll,
  launchBrowser,
  openPage,
  screenshot,
  signIn,
  waitForMail,
} from '../support/browser.ts';

/**
 * An approved nominee of the demo tenant, as part-nom's approval leaves one: the screens that
 * make it (invitations, nominations) belong to other parts, so the rows are written directly.
 */
async function approvedNominee(email: string, name: string, language: string) {
  const url = process.env['E2E_DATABASE_URL'];
  assert.ok(url, 'run through e2e/run.mjs, which passes E2E_DATABASE_URL');
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const { rows } = await db.query<{ event_id: string; nomination_id: string }>(
      `with t as (select id from tenants where slug = 'demo'),
            e as (insert into events (tenant_id, type, title, summary, thematic_areas, format,
                                      venue_name, venue_city, venue_country, starts_at, ends_at,
                                      time_zone, working_languages, host_states, status)
                  select t.id, 'regional_workshop', 'Regional workshop on digital evidence',
                         'Cross-border requests for electronic evidence', '{financing}',
                         'in_person', 'UN Gigiri', 'Nairobi', 'KEN',
                         now() + interval '30 days', now() + interval '32 days',
                         'Africa/Nairobi', '{en,ar}', '{KEN}', 'planned'
                    from t returning tenant_id, id),
            s as (insert into agenda_sessions (tenant_id, event_id, position, title, starts_at,
                                               ends_at)
                  select e.tenant_id, e.id, 1, 'Opening and introductions',
                         now() + interval '30 days', now() + interval '30 days 1 hour'
                    from e returning id),
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
              $3, 'approved', 'pending', upper(substr(md5(random()::text), 1, 10)),
              'Prosecutor', 'Office of the Director of Public Prosecutions'
         from i, p, (select count(*) from s) sessions
       returning event_id, id as nomination_id`,
      [email, name, language],
    );
    const row = rows[0];
    assert.ok(row, 'the nominee was written');
    // md5 is hexadecimal: already Crockford base32, which has every hex digit.
    return { eventId: row.event_id, nominationId: row.nomination_id };
  } finally {
    await db.end();
  }
}

/** The officer sends the participant's links (as after a lost mail): the links arrive by mail. */
async function reissuedLinks(officer: Page, nominee: { eventId: string; nominationId: string }) {
  const xsrf = (await officer.context().cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value;
  assert.ok(xsrf, 'the officer holds a CSRF token');
  const answer = await officer.request.post(
    `${BASE_URL}/api/t/demo/events/${nominee.eventId}/nominations/${nominee.nominationId}/links/reissue`,
    { headers: { 'x-xsrf-token': decodeURIComponent(xsrf) }, data: {} },
  );
  assert.equal(answer.status(), 200);
}

const linksIn = (text: string) => {
  const decision = /https?:\/\/\S+?(\/p\/decision\/[\w-]+\.[\w-]+)/.exec(text)?.[1];
  const page = /https?:\/\/\S+?(\/p\/[\w-]+\.[\w-]+)/.exec(text)?.[1];
  assert.ok(decision && page, 'the mail carries both links');
  return { decision, page };
};

describe("a participant's links", () => {
  let browser: Browser;
  let officer: Page;
  before(async () => {
    browser = await launchBrowser();
    officer = await openPage(browser, '/sign-in');
    await signIn(officer, 'officer@demo.example');
  });
  after(async () => {
    await officer.context().close();
    await browser.close();
  });

  it('a participant confirms in Arabic on a phone, then keeps their page with the QR code', async () => {
    const email = `layla.${Date.now()}@example.org`;
    const nominee = await approvedNominee(email, 'ليلى حداد', 'ar');
    await reissuedLinks(officer, nominee);
    const mail = await waitForMail(email);
    assert.match(mail.subject, /روابطكم الخاصة بفعالية/);
    const links = linksIn(mail.text);

    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'en-GB',
      isMobile: true,
    });
    const page = await phone.newPage();
    await page.goto(BASE_URL + links.decision);
    // The page opens in the language chosen for the participant.
    await page.getByRole('heading', { name: 'ليلى حداد، هل ستشاركون؟', level: 1 }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    await page.getByText('Regional workshop on digital evidence').first().waitFor();
    await expectAccessible(page, 'decision page (ar, 390 px)');
    await expectNoSidewaysScroll(page, 'decision page (ar, 390 px)');
    await screenshot(page, 'participant-decision-ar-390');

    await page.getByRole('button', { name: 'إرسال ردّي' }).click();
    await page.getByText('يرجى تحديد ما إذا كنتم ستحضرون.').waitFor();
    await page.getByRole('radio', { name: 'نعم، سأحضر' }).check();
    await page.getByRole('textbox', { name: 'الاحتياجات الغذائية' }).fill('طعام حلال');
    await expectAccessible(page, 'decision form (ar, 390 px)');
    await page.getByRole('button', { name: 'إرسال ردّي' }).click();
    await page.getByText('شكرًا لكم: تم تأكيد مشاركتكم.').waitFor();
    await screenshot(page, 'participant-decision-done-ar-390');

    // The link served once: opening it again says so, in words.
    await page.goto(BASE_URL + links.decision);
    await page.getByRole('heading', { name: 'سبق إرسال ردّكم' }).waitFor();
    await expectAccessible(page, 'used link (ar, 390 px)');

    await page.goto(BASE_URL + links.page);
    await page.getByRole('heading', { name: 'مشاركتكم، ليلى حداد', level: 1 }).waitFor();
    await page.getByText('تم تأكيد مشاركتكم.').waitFor();
    await page.getByText('طعام حلال').waitFor();
    const qr = page.getByRole('img', { name: /رمز QR/ });
    await qr.waitFor();
    assert.ok(
      await qr.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0),
      'the QR code loads',
    );
    await expectAccessible(page, 'participant page (ar, 390 px)');
    await expectNoSidewaysScroll(page, 'participant page (ar, 390 px)');
    await screenshot(page, 'participant-page-ar-390');

    // The language menu still works: the page in English, at 1366 px.
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByRole('button', { name: /تغيير اللغة/ }).click();
    await page.getByRole('menuitemradio', { name: /English/ }).click();
    // The name is isolated (bidi marks) inside the English sentence.
    await page
      .getByRole('heading', { name: /^Your participation, .*ليلى حداد/, level: 1 })
      .waitFor();
    await page.getByRole('link', { name: 'Add to my calendar (.ics)' }).waitFor();
    await expectAccessible(page, 'participant page (en, 1366 px)');
    await screenshot(page, 'participant-page-en-1366');
    await phone.close();
  });

  it('a damaged or withdrawn link gets a clear page, never an error screen', async () => {
    const email = `omar.${Date.now()}@example.org`;
    const nominee = await approvedNominee(email, 'Omar Farouk', 'en');
    await reissuedLinks(officer, nominee);
    const links = linksIn((await waitForMail(email)).text);

    const page = await openPage(browser, links.page.slice(0, -3) + 'AAA');
    await page.getByRole('heading', { name: 'This link does not work' }).waitFor();
    await expectAccessible(page, 'invalid link');
    await screenshot(page, 'participant-link-invalid');

    const xsrf = (await officer.context().cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value;
    const revoked = await officer.request.post(
      `${BASE_URL}/api/t/demo/events/${nominee.eventId}/nominations/${nominee.nominationId}/links/revoke`,
      { headers: { 'x-xsrf-token': decodeURIComponent(xsrf ?? '') }, data: {} },
    );
    assert.equal(revoked.status(), 200);
    await page.goto(BASE_URL + links.page);
    await page.getByRole('heading', { name: 'This link was withdrawn' }).waitFor();
    await expectAccessible(page, 'revoked link');
    await page.context().close();
  });
});
