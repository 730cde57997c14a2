import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  BASE_URL,
  expectAccessible,
  launchBrowser,
  mainNav,
  openDialog,
  openPage,
  screenshot,
  signIn,
} from '../support/browser.ts';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The worker moves mail on by itself: refresh the page until `found` shows
 * what the test waits for.
 */
async function refreshUntil(page: Page, found: Locator, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if ((await found.count()) > 0) return;
    if (Date.now() > deadline) throw new Error(`the mail page never showed ${what}`);
    await page.waitForTimeout(500);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.locator('mat-card mat-progress-bar').waitFor({ state: 'detached' });
  }
}

async function showOnly(page: Page, status: RegExp): Promise<void> {
  await page.getByRole('option', { name: status }).click();
  await page.getByRole('option', { name: status, selected: true }).waitFor();
  await page.locator('mat-card mat-progress-bar').waitFor({ state: 'detached' });
}

describe('the outgoing mail', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(() => browser.close());

  it('shows an admin the invitation that bounced, which they cancel and then send again', async () => {
    const email = `bounce.${Date.now()}@bounce.invalid`;
    const page = await openPage(browser, '/sign-in');
    await signIn(page, 'admin@demo.example');

    await mainNav(page).getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    const invite = await openDialog(
      page,
      page.getByRole('button', { name: 'Invite user' }).first(),
    );
    await invite.getByLabel('Email').fill(email);
    await invite.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Expert' }).click();
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText(`Invitation sent to ${email}.`).waitFor();

    await mainNav(page).getByRole('link', { name: 'Mail' }).click();
    await page.getByRole('heading', { name: 'Mail', level: 1 }).waitFor();
    await page.waitForURL(/\/t\/demo\/mail$/);

    // The catcher refuses .invalid addresses with a 550: the invitation fails for good.
    await showOnly(page, /Failed/);
    const row = page.getByRole('row', { name: new RegExp(escape(email)) });
    await refreshUntil(
      page,
      row.getByRole('cell', { name: 'Failed' }),
      `the failed invitation to ${email}`,
    );
    await row.getByRole('cell', { name: 'Invitation' }).waitFor();
    const error = row.locator('xpath=following-sibling::tr[1]');
    assert.match((await error.innerText()).replace(/\s+/g, ' '), /Last error.*550/);
    await expectAccessible(page, 'mail');
    // The invitation's snackbar has had its say.
    await page.locator('mat-snack-bar-container').waitFor({ state: 'detached' });
    await screenshot(page, 'mail');

    await row.getByRole('button', { name: `Cancel the mail to ${email}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Cancel this mail?' }).waitFor();
    await expectAccessible(page, 'cancel mail dialog');
    await dialog.getByRole('button', { name: 'Cancel mail' }).click();
    await page.getByText(`The mail to ${email} has been cancelled.`).waitFor();
    await row.getByRole('cell', { name: 'Cancelled' }).waitFor();

    await showOnly(page, /Cancelled/);
    await row.getByRole('cell', { name: 'Cancelled' }).waitFor();
    assert.equal(await row.getByRole('button', { name: /^Cancel the mail/ }).count(), 0);

    await row.getByRole('button', { name: `Retry the mail to ${email}` }).click();
    await page.getByText(`The mail to ${email} is queued to be sent again.`).waitFor();
    await row.getByRole('cell', { name: 'Queued' }).waitFor();

    // Sent again, refused again.
    await showOnly(page, /Failed/);
    await refreshUntil(
      page,
      row.getByRole('cell', { name: 'Failed' }),
      `the invitation to ${email} failing again`,
    );
    // Kind, recipient, status, attempts: the retry started a fresh count.
    assert.equal((await row.getByRole('cell').nth(3).innerText()).trim(), '1');
    await page.context().close();
  });

  it('lets a person turn the digest off in their profile, and keeps it off', async () => {
    const page = await openPage(browser, '/sign-in');
    await signIn(page, 'admin@demo.example');
    await page.goto(`${BASE_URL}/profile`);
    await page.getByRole('heading', { name: 'Notifications', level: 2 }).waitFor();
    const section = page.locator('mat-card', {
      has: page.getByRole('heading', { name: 'Notifications' }),
    });
    const digest = section.getByRole('switch', { name: 'Administrator digest' });
    await section.getByText('Always sent, to keep your account secure:').waitFor();
    assert.equal(await digest.getAttribute('aria-checked'), 'true');

    await digest.click();
    await section.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Your notification choices have been saved.').waitFor();

    await page.reload();
    await section.getByRole('heading', { name: 'Notifications' }).waitFor();
    assert.equal(await digest.getAttribute('aria-checked'), 'false');
    await section.scrollIntoViewIfNeeded();
    await expectAccessible(page, 'profile notifications');
    await screenshot(page, 'profile-notifications');

    // Back on, for whoever runs next.
    await digest.click();
    await section.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Your notification choices have been saved.').waitFor();
    await page.context().close();
  });

  it('keeps the mail page from a programme officer', async () => {
    const page = await openPage(browser, '/sign-in');
    await signIn(page, 'officer@demo.example');
    await page.goto(`${BASE_URL}/t/demo`);
    const nav = mainNav(page);
    await nav.getByRole('link', { name: 'Users' }).waitFor();
    assert.equal(await nav.getByRole('link', { name: 'Mail' }).count(), 0);

    // Like any page the role may not open: back to the tenant's home.
    await page.goto(`${BASE_URL}/t/demo/mail`);
    await page.waitForURL((url) => url.pathname === '/t/demo');
    await page.getByRole('heading', { name: /Welcome, Lukas Berger/ }).waitFor();

    const response = await page.request.get(`${BASE_URL}/api/t/demo/mail`);
    assert.equal(response.status(), 403);
    await page.context().close();
  });
});
