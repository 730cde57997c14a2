import pg from 'pg';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
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
  waitForMail,
} from '../support/browser.ts';

/**
 * Participation through the screens, as one story: an officer keeps a saved list of States and
 * the event's participation settings, invites Kenya to the demo's regional workshop, Kenya's
 * focal point nominates two people, the officer approves one and waitlists the other (a seat
 * limit refuses a third approval in words), the approved participant confirms through the
 * decision link the SMTP catcher caught, the officer checks them in and issues their certificate
 * (revoking it once, with a reason, and issuing it again), the certificate's PDF downloads from
 * the participant's page (page one rendered to PNG), and the focal point exports their State's
 * nominees. Each side and each new dialog is pictured at 1366 and 390 px in English and Arabic
 * (e2e/screens/participation/).
 */

const EVENT = 'Regional workshop on digital evidence for East Africa';
const stamp = Date.now().toString(36);
const folder = mkdtempSync(join(tmpdir(), 'participation-e2e-'));
const PEOPLE = [
  { name: `Amina Odhiambo ${stamp}`, email: `amina.${stamp}@gov.example` },
  { name: `Brian Otieno ${stamp}`, email: `brian.${stamp}@gov.example` },
] as const;

/** A day five days ahead, as the English date field reads it ("3/14/2027"). */
function deadlineTyped(): string {
  const day = new Date();
  day.setDate(day.getDate() + 5);
  return `${day.getMonth() + 1}/${day.getDate()}/${day.getFullYear()}`;
}

async function dismissSnackbar(page: Page, text: string | RegExp): Promise<void> {
  const snackbar = page.locator('mat-snack-bar-container', { hasText: text });
  await snackbar.waitFor();
  await snackbar.getByRole('button', { name: 'Dismiss' }).click();
  await snackbar.waitFor({ state: 'detached' });
}

async function choose(page: Page, field: Locator, option: string): Promise<void> {
  await field.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Closes a dialog by its submit button, saying what kept it open if it stays. */
async function submit(dialog: Locator, button: string): Promise<void> {
  await dialog.getByRole('button', { name: button, exact: true }).click();
  try {
    await dialog.waitFor({ state: 'detached' });
  } catch (error) {
    const shown = await dialog.innerText().catch(() => '(gone)');
    throw new Error(`The dialog stayed open, showing: ${shown}`, { cause: error });
  }
}

/** The event's participation tab, its data loaded. */
async function openParticipation(page: Page, eventPath: string): Promise<void> {
  await page.goto(`${BASE_URL}${eventPath}?tab=participation`);
  await page.locator('cv-participation-tab').waitFor();
  await page.waitForFunction(() => document.querySelector('mat-progress-bar') === null);
}

/** The signed links in a participant's mail, as paths. */
function linksIn(text: string): { decision: string; page: string } {
  const decision = /https?:\/\/\S+?(\/p\/decision\/[\w-]+\.[\w-]+)/.exec(text)?.[1];
  const page = /https?:\/\/\S+?(\/p\/[\w-]+\.[\w-]+)/.exec(text)?.[1];
  assert.ok(decision && page, 'the mail carries both links');
  return { decision, page };
}

/** The nominee dialog of one person, opened from their name in the officer's list. */
async function openNominee(page: Page, name: string): Promise<Locator> {
  return openDialog(page, page.locator('.part-name-button', { hasText: name }));
}

/**
 * Pictures of a dialog at both sizes in both languages, axe-checked, nothing sideways: `open`
 * opens it on the page as it is (whatever the language), and it is closed with Escape after.
 */
async function pictureDialog(
  page: Page,
  eventPath: string,
  name: string,
  open: () => Promise<Locator>,
): Promise<void> {
  mkdirSync('e2e/screens/participation', { recursive: true });
  for (const language of ['en', 'ar'] as const) {
    await resetLanguage(page, language);
    for (const size of [
      { width: 1366, height: 900 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(size);
      await openParticipation(page, eventPath);
      await open();
      // Each part of the dialog loads on its own: wait for all of them.
      await page.waitForFunction(
        () => document.querySelector('mat-dialog-container mat-progress-bar') === null,
      );
      await page.evaluate(async () => {
        await document.fonts.ready;
      });
      const where = `${name} dialog at ${size.width} in ${language}`;
      await expectAccessible(page, where);
      if (size.width < 600) await expectNoSidewaysScroll(page, where);
      await page.screenshot({
        path: `e2e/screens/participation/${size.width}-${language}-${name}-dialog.png`,
      });
      // Every dialog closed, the topmost first (the saved lists sit over the invite dialog).
      while ((await page.getByRole('dialog').count()) > 0) {
        const count = await page.getByRole('dialog').count();
        await page.keyboard.press('Escape');
        await page.waitForFunction(
          (before) => document.querySelectorAll('mat-dialog-container').length < before,
          count,
        );
      }
    }
  }
  await resetLanguage(page, 'en');
  await page.setViewportSize({ width: 1366, height: 768 });
}

async function nominate(page: Page, person: (typeof PEOPLE)[number]): Promise<void> {
  const dialog = await openDialog(page, page.getByRole('button', { name: 'Nominate someone' }));
  await dialog.getByRole('heading', { name: 'Nominate for Kenya' }).waitFor();
  await dialog.getByLabel('Full name').fill(person.name);
  await dialog.getByLabel('Email').fill(person.email);
  await choose(page, dialog.getByLabel('Sex'), 'Female');
  await dialog.getByLabel('Function').fill('Senior investigator');
  await dialog.getByLabel('Institution', { exact: true }).fill('National Police Service');
  await choose(page, dialog.getByLabel('Type of institution'), 'Law enforcement');
  await choose(page, dialog.getByLabel('Target audience'), 'Investigators');
  // The attestation quotes the very text the API keeps with the nomination.
  await dialog.getByText(/I confirm that the person I nominate has agreed/).waitFor();
  await dialog.getByRole('button', { name: 'Nominate', exact: true }).click();
  await dialog.getByText(/Attest the person.s consent to nominate them/).waitFor();
  await dialog.getByRole('checkbox', { name: /I attest that the person consented/ }).check();
  await submit(dialog, 'Nominate');
  await dismissSnackbar(page, 'Nomination sent.');
  await page.locator('.part-nominee', { hasText: person.name }).waitFor();
}

/** The nominee's row in the officer's list. */
const nomineeRow = (page: Page, name: string) =>
  page.locator('.part-nominations-table tr', { hasText: name });

async function decide(page: Page, name: string, button: string, done: string): Promise<void> {
  await page.getByRole('checkbox', { name: `Tick ${name}` }).check();
  await page.getByRole('button', { name: button, exact: true }).click();
  await dismissSnackbar(page, done);
}

describe('participation', () => {
  let browser: Browser;
  let officerContext: BrowserContext;
  let focalContext: BrowserContext;
  let officer: Page;
  let focal: Page;
  let eventPath = '';

  before(async () => {
    // The demo invites Kenya to this workshop already, with nominees: this story starts before
    // that, so Kenya's invitation (and, by cascade, its nominees) is taken out first.
    const url = process.env['E2E_DATABASE_URL'];
    assert.ok(url, 'run through e2e/run.mjs, which passes E2E_DATABASE_URL');
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      await db.query(
        `delete from event_invitations
          where member_state_code = 'KEN'
            and event_id in (select id from events where title = $1)`,
        [EVENT],
      );
    } finally {
      await db.end();
    }
    browser = await launchBrowser();
    officerContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    focalContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    officer = await officerContext.newPage();
    focal = await focalContext.newPage();
  });
  after(() => browser.close());

  it('lets an officer keep a saved list of States from the invite dialog', async () => {
    await officer.goto(`${BASE_URL}/sign-in`);
    await signIn(officer, 'officer@demo.example');
    await officer.goto(`${BASE_URL}/t/demo/events`);
    const link = officer.getByRole('link', { name: EVENT });
    await link.waitFor();
    eventPath = new URL((await link.getAttribute('href')) ?? '', BASE_URL).pathname;
    await openParticipation(officer, eventPath);
    await officer.getByRole('tab', { name: 'Participation', selected: true }).waitFor();

    const invite = await openDialog(
      officer,
      officer.getByRole('button', { name: 'Invite States' }),
    );
    // The States field takes focus and opens its suggestions: a click beside them closes them.
    await invite.getByRole('heading', { name: 'Invite States' }).click();
    await invite.getByRole('button', { name: 'Manage saved lists' }).click();
    const manager = officer.getByRole('dialog', { name: 'Saved lists of States' });
    await manager.waitFor();
    await manager.getByRole('button', { name: 'New list' }).click();
    // Neither a name nor a State: the form says so and sends nothing.
    await manager.getByRole('button', { name: 'Save the list' }).click();
    await manager.getByText('Choose at least one State.').waitFor();
    const listName = `East Africa ${stamp}`;
    await manager.getByLabel('Name of the list').fill(listName);
    for (const [typed, option] of [
      ['Keny', /KEN\s+Kenya/],
      ['Ugan', /UGA\s+Uganda/],
    ] as const) {
      await manager.getByRole('combobox', { name: 'States in the list' }).fill(typed);
      await officer.getByRole('option', { name: option }).click();
    }
    await manager.getByRole('button', { name: 'Save the list' }).click();
    await dismissSnackbar(officer, `List ${listName} saved.`);
    const saved = manager.locator('.list', { hasText: listName });
    await saved.waitFor();
    assert.match(await saved.innerText(), /2 States: Kenya, Uganda/);
    await expectAccessible(officer, 'saved lists');

    // Renamed, then one State fewer.
    await manager.getByRole('button', { name: `Edit the list ${listName}` }).click();
    await manager.getByLabel('Name of the list').fill(`${listName} partners`);
    await manager.getByRole('button', { name: 'Remove Uganda' }).click();
    await manager.getByRole('button', { name: 'Save the list' }).click();
    await dismissSnackbar(officer, `List ${listName} partners saved.`);
    await manager.locator('.list', { hasText: `${listName} partners` }).waitFor();
    assert.match(
      await manager.locator('.list', { hasText: `${listName} partners` }).innerText(),
      /1 State: Kenya/,
    );
    await officer.keyboard.press('Escape');
    await manager.waitFor({ state: 'detached' });
    // The invite dialog reads the lists again: the renamed list is there to invite from.
    await invite.getByLabel('Saved lists').click();
    await officer.getByRole('option', { name: new RegExp(`${listName} partners`) }).waitFor();
    await officer.keyboard.press('Escape');

    // Deleted after a confirmation, and gone.
    await invite.getByRole('heading', { name: 'Invite States' }).click();
    await invite.getByRole('button', { name: 'Manage saved lists' }).click();
    await manager.waitFor();
    await manager.getByRole('button', { name: `Delete the list ${listName} partners` }).click();
    const sure = officer.getByRole('dialog', { name: `Delete the list ${listName} partners?` });
    await sure.getByRole('button', { name: 'Delete' }).click();
    await dismissSnackbar(officer, `List ${listName} partners deleted.`);
    await manager.locator('.list', { hasText: listName }).waitFor({ state: 'detached' });
    await officer.keyboard.press('Escape');
    await manager.waitFor({ state: 'detached' });
    await invite.getByRole('button', { name: 'Cancel' }).click();
    await invite.waitFor({ state: 'detached' });
  });

  it("lets the officer set the event's default deadline and whether experts see participants", async () => {
    const settings = await openDialog(officer, officer.getByRole('button', { name: 'Settings' }));
    const experts = settings.getByRole('switch', {
      name: "Experts speaking at this event see participants' names and institutions",
    });
    assert.equal(await experts.getAttribute('aria-checked'), 'false', 'off by default');
    await settings.getByLabel('Default nomination deadline').fill(deadlineTyped());
    await experts.click();
    await expectAccessible(officer, 'participation settings');
    await submit(settings, 'Save');
    await dismissSnackbar(officer, 'Settings saved.');
    await officer
      .locator('.part-settings', { hasText: "Experts see participants' names" })
      .waitFor();
    assert.match(
      await officer.locator('.part-settings').innerText(),
      /Default nomination deadline: /,
    );

    // Switched off again: the dialog opens on what was saved.
    const again = await openDialog(officer, officer.getByRole('button', { name: 'Settings' }));
    const saved = again.getByRole('switch', { name: /Experts speaking at this event/ });
    assert.equal(await saved.getAttribute('aria-checked'), 'true');
    await saved.click();
    await submit(again, 'Save');
    await dismissSnackbar(officer, 'Settings saved.');
    await officer
      .locator('.part-settings', { hasText: "Experts do not see participants' names" })
      .waitFor();
  });

  it('lets an officer invite Kenya with seats and a deadline', async () => {
    await openParticipation(officer, eventPath);

    const dialog = await openDialog(
      officer,
      officer.getByRole('button', { name: 'Invite States' }),
    );
    // Nothing chosen: the dialog says so rather than sending.
    await dialog.getByLabel('Seats').fill('2');
    await dialog.getByLabel('Nomination deadline').fill(deadlineTyped());
    await dialog.getByRole('button', { name: 'Invite', exact: true }).click();
    await dialog.getByText('Choose at least one State, group, region or list.').waitFor();
    await dialog.getByRole('combobox', { name: 'States, one by one' }).fill('Keny');
    await officer.getByRole('option', { name: /KEN\s+Kenya/ }).click();
    await expectAccessible(officer, 'invite dialog');
    await submit(dialog, 'Invite');
    await dismissSnackbar(officer, '1 State invited.');

    const row = officer.locator('.part-states-table tr', { hasText: 'Kenya' });
    await row.waitFor();
    assert.match(await row.innerText(), /Invited/);
    await expectAccessible(officer, 'participation tab with Kenya invited');
  });

  it('lets Kenya’s focal point see the invitation at home and nominate two people', async () => {
    await focal.goto(`${BASE_URL}/sign-in`);
    await signIn(focal, 'focal@demo.example');
    await focal.goto(`${BASE_URL}/t/demo`);
    const panel = focal.locator('cv-open-invitations-panel');
    await panel.getByRole('link', { name: EVENT }).waitFor();
    assert.match(await panel.innerText(), /2 seats left/);
    await panel.getByRole('link', { name: EVENT }).click();
    await focal.getByRole('heading', { name: 'Invitation of Kenya' }).waitFor();

    for (const person of PEOPLE) await nominate(focal, person);
    for (const person of PEOPLE) {
      assert.match(
        await focal.locator('.part-nominee', { hasText: person.name }).innerText(),
        /Awaiting decision/,
      );
    }
    await expectAccessible(focal, 'focal point’s participation view');
  });

  it('lets the officer approve one nominee and waitlist the other, and says when the seats are taken', async () => {
    await openParticipation(officer, eventPath);
    const [amina, brian] = PEOPLE;
    await nomineeRow(officer, amina.name).waitFor();
    await nomineeRow(officer, brian.name).waitFor();

    await decide(officer, amina.name, 'Approve', '1 nominee approved.');
    await decide(officer, brian.name, 'Waitlist', '1 nominee waitlisted.');
    await officer.waitForFunction(
      ({ approved, waitlisted }) => {
        const rows = [...document.querySelectorAll('.part-nominations-table tr')];
        const statusOf = (name: string) =>
          rows.find((row) => row.textContent?.includes(name))?.textContent ?? '';
        return (
          statusOf(approved).includes('Approved') && statusOf(waitlisted).includes('Waitlisted')
        );
      },
      { approved: amina.name, waitlisted: brian.name },
    );

    // Kenya's seats down to the one taken: approving Brian now is refused, in words.
    await officer.getByRole('button', { name: 'Actions for Kenya' }).click();
    await officer.getByRole('menuitem', { name: 'Change seats or deadline' }).click();
    const edit = officer.getByRole('dialog');
    await edit.getByLabel('Seats').fill('1');
    await submit(edit, 'Save');
    await dismissSnackbar(officer, 'Invitation changed.');
    await officer.getByRole('checkbox', { name: `Tick ${brian.name}` }).check();
    await officer.getByRole('button', { name: 'Approve', exact: true }).click();
    await officer
      .locator('.part-refusals', {
        hasText: `${brian.name}: no seat left for Kenya: 1 of 1 taken.`,
      })
      .waitFor();
    assert.match(await nomineeRow(officer, brian.name).innerText(), /Waitlisted/);

    // The figures count the approved participant.
    const figures = officer.locator('cv-participation-figures');
    await figures.waitFor();
    assert.match(await figures.innerText(), /By sex[\s\S]*Female[\s\S]*1/);
    await expectAccessible(officer, 'participation tab after decisions');
  });

  it('shows the focal point where each nominee stands', async () => {
    await openParticipation(focal, eventPath);
    const [amina, brian] = PEOPLE;
    await focal.locator('.part-nominee', { hasText: amina.name }).waitFor();
    assert.match(
      await focal.locator('.part-nominee', { hasText: amina.name }).innerText(),
      /Approved/,
    );
    assert.match(
      await focal.locator('.part-nominee', { hasText: brian.name }).innerText(),
      /Waitlisted/,
    );
    // Decided nominations are no longer the focal point's to edit.
    assert.equal(
      await focal.getByRole('button', { name: `Edit the nomination of ${amina.name}` }).count(),
      0,
    );
  });

  let participantLinks: { decision: string; page: string };

  it('lets the approved participant confirm through the decision link in their mail', async () => {
    const [amina] = PEOPLE;
    participantLinks = linksIn((await waitForMail(amina.email)).text);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(BASE_URL + participantLinks.decision);
    await page.getByRole('heading', { name: `${amina.name}, will you take part?` }).waitFor();
    await page.getByRole('radio', { name: 'Yes, I will attend' }).check();
    await page.getByRole('button', { name: 'Send my answer' }).click();
    await page.getByText('Thank you: your participation is confirmed.').waitFor();
    await context.close();

    await openParticipation(officer, eventPath);
    assert.match(await nomineeRow(officer, amina.name).innerText(), /Confirmed/);
  });

  it("shows the officer the participant's links, and checks the participant in", async () => {
    const [amina, brian] = PEOPLE;
    const dialog = await openNominee(officer, amina.name);
    await dialog.getByRole('heading', { name: "Participant's links" }).waitFor();
    const decisionLink = dialog.locator('.nominee-link', { hasText: 'Decision link' });
    const pageLink = dialog.locator('.nominee-link', { hasText: 'Participant page' });
    await decisionLink.waitFor();
    assert.match(await decisionLink.innerText(), /Used/);
    assert.match(await pageLink.innerText(), /Active/);
    // Not checked in yet: no certificate to issue.
    await dialog.getByText('No day attended yet').waitFor();
    await officer.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // The waitlisted nominee holds no link and no seat: nothing to send or issue.
    const waiting = await openNominee(officer, brian.name);
    await waiting.getByText('No link yet').waitFor();
    await waiting.getByText('Certificates go to approved participants').waitFor();
    assert.equal(await waiting.getByRole('button', { name: 'Send new links' }).count(), 0);
    await officer.keyboard.press('Escape');
    await waiting.waitFor({ state: 'detached' });

    // At the door, on the event's first day (the check-in page opens on the nearest day).
    const eventId = eventPath.split('/').pop() ?? '';
    await officer.goto(`${BASE_URL}/t/demo/check-in/${eventId}`);
    await officer.getByRole('heading', { name: 'Check-in', level: 1 }).waitFor();
    await officer.getByLabel('Search by name or institution').fill(amina.name);
    const entry = officer.getByRole('listitem').filter({ hasText: amina.name });
    await entry.waitFor();
    await entry.getByRole('radio', { name: 'Present' }).click();
    await entry.getByRole('radio', { name: 'Present', checked: true }).waitFor();
  });

  it('lets the officer issue the certificate, revoke it with a reason, and issue it again', async () => {
    const [amina] = PEOPLE;
    await openParticipation(officer, eventPath);
    const dialog = await openNominee(officer, amina.name);
    await dialog.getByText('Attended 1 day.').waitFor();
    await dialog.getByRole('button', { name: 'Issue the certificate' }).click();
    await dismissSnackbar(officer, 'Certificate issued and mailed to the participant.');
    const code = (await dialog.locator('.nominee-code').innerText()).trim();
    assert.match(code, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);

    await dialog.getByRole('button', { name: 'Revoke the certificate' }).click();
    const why = officer.getByRole('dialog', { name: `Revoke the certificate of ${amina.name}?` });
    await why.waitFor();
    // A reason is asked: without one nothing is sent.
    await why.getByRole('button', { name: 'Revoke the certificate' }).click();
    await why.locator('mat-error').waitFor();
    await why.getByLabel('Reason').fill('Issued before the attendance was checked');
    await expectAccessible(officer, 'revoke certificate reason');
    await why.getByRole('button', { name: 'Revoke the certificate' }).click();
    await why.waitFor({ state: 'detached' });
    await dismissSnackbar(officer, 'Certificate revoked.');
    await dialog.getByText(/Certificate revoked on/).waitFor();
    const verify = await officer.request.get(`${BASE_URL}/api/public/demo/certificates/${code}`);
    assert.equal(((await verify.json()) as { status: string }).status, 'revoked');

    await dialog.getByRole('button', { name: 'Issue the certificate' }).click();
    await dismissSnackbar(officer, 'Certificate issued and mailed to the participant.');
    // Reinstated, with the same code.
    assert.equal((await dialog.locator('.nominee-code').innerText()).trim(), code);
    await officer.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it("downloads the certificate's PDF from the participant's page", async () => {
    const [amina] = PEOPLE;
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(BASE_URL + participantLinks.page);
    await page.getByRole('heading', { name: 'Certificate of participation' }).waitFor();
    await page.getByText(/Your certificate was issued on/).waitFor();
    await expectAccessible(page, 'participant page with a certificate');
    await screenshotWhole(page, 'participation/1366-en-participant-certificate');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download my certificate (PDF)' }).click(),
    ]);
    const file = join(folder, 'certificate.pdf');
    await download.saveAs(file);
    assert.equal(readFileSync(file).subarray(0, 5).toString(), '%PDF-');
    // Lines may wrap anywhere in the PDF: its words are read as one line.
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.ok(text.includes(amina.name), 'the name on the certificate');
    assert.ok(text.includes(EVENT), 'the event on the certificate');
    mkdirSync('e2e/screenshots', { recursive: true });
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-singlefile',
      file,
      'e2e/screenshots/participation-certificate',
    ]);
    await context.close();
  });

  it("lets the focal point export their own State's nominees", async () => {
    await openParticipation(focal, eventPath);
    const dialog = await openDialog(
      focal,
      focal.getByRole('button', { name: 'Export participants' }),
    );
    await dialog.getByText('Only the nominees of Kenya are in it.').waitFor();
    await dialog.getByRole('radio', { name: 'Comma-separated text (CSV)' }).check();
    await dialog.getByRole('radio', { name: 'Every nominee' }).check();
    await dialog.getByLabel('Why you export it').fill('Travel arrangements for our delegation');
    await expectAccessible(focal, 'focal point export dialog');
    const [download] = await Promise.all([
      focal.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Export', exact: true }).click(),
    ]);
    await dialog.waitFor({ state: 'detached' });
    const file = join(folder, 'kenya.csv');
    await download.saveAs(file);
    const rows = readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    // A header and Kenya's two nominees: none of the other States' nominees of the event.
    assert.equal(rows.length, 3, rows.join('\n'));
    for (const person of PEOPLE) assert.ok(rows.some((row) => row.includes(person.name)));
  });

  it('pictures both sides at 1366 and 390 px in English and Arabic', async () => {
    await pictureEverywhere(officer, { folder: 'participation', name: 'officer' }, () =>
      openParticipation(officer, eventPath),
    );
    await pictureEverywhere(focal, { folder: 'participation', name: 'focal' }, () =>
      openParticipation(focal, eventPath),
    );
  });

  it('pictures the new dialogs at 1366 and 390 px in English and Arabic', async () => {
    const [amina] = PEOPLE;
    await pictureDialog(officer, eventPath, 'nominee', () => openNominee(officer, amina.name));
    await pictureDialog(officer, eventPath, 'settings', () =>
      openDialog(officer, officer.locator('button:has(mat-icon[svgicon="settings"])').first()),
    );
    await pictureDialog(officer, eventPath, 'state-lists', async () => {
      await openDialog(
        officer,
        officer.locator('button:has(mat-icon[svgicon="person_add"])').first(),
      );
      await officer.locator('cv-invite-dialog h2').click();
      await officer.locator('.invite-manage').click();
      const manager = officer.locator('cv-state-lists-dialog');
      await manager.waitFor();
      // The manager with its form open, over the invite dialog.
      await manager.locator('mat-dialog-actions button').first().click();
      await manager.locator('form').waitFor();
      return officer.getByRole('dialog').last();
    });
    await pictureDialog(focal, eventPath, 'export', () =>
      openDialog(focal, focal.locator('button:has(mat-icon[svgicon="download"])').first()),
    );
  });
});
