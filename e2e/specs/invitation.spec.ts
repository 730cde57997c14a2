import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  BASE_URL,
  expectAccessible,
  mainNav,
  launchBrowser,
  openDialog,
  openPage,
  screenshot,
  signIn,
  waitForMail,
} from '../support/browser.ts';

describe('inviting a user', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(() => browser.close());

  it('an admin invites an expert, who accepts through the emailed link and lands in the tenant', async () => {
    const email = `guest.${Date.now()}@example.org`;
    const admin = await openPage(browser, '/sign-in');
    await signIn(admin, 'admin@demo.example');
    await mainNav(admin).getByRole('link', { name: 'Users' }).click();
    await admin.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await admin
      .getByRole('cell', { name: /Amina Haddad/ })
      .first()
      .waitFor();
    await expectAccessible(admin, 'users');
    await screenshot(admin, 'users');

    const dialog = await openDialog(
      admin,
      admin.getByRole('button', { name: 'Invite user' }).first(),
    );
    await dialog.getByLabel('Email').fill(email);
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await admin.getByRole('option', { name: 'Expert' }).click();
    await expectAccessible(admin, 'invite dialog');
    await screenshot(admin, 'invite-dialog');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await admin.getByText(`Invitation sent to ${email}.`).waitFor();
    await admin.getByRole('cell', { name: email, exact: true }).waitFor();

    const mail = await waitForMail(email);
    const link = /https?:\/\/\S+\/invitation\/[\w-]+/.exec(mail.text)?.[0];
    assert.ok(link, 'the mail carries an invitation link');
    assert.ok(link.startsWith(BASE_URL), 'the link points at this server');

    const guest = await openPage(browser, new URL(link).pathname);
    await guest.getByRole('heading', { name: 'Accept your invitation' }).waitFor();
    await guest.getByText('Terrorism Prevention Branch (demo)').first().waitFor();
    await expectAccessible(guest, 'invitation');
    await screenshot(guest, 'invitation');
    await guest.getByLabel('Name', { exact: true }).fill('Grace Guest');
    await guest
      .getByRole('textbox', { name: 'New password', exact: true })
      .fill('a long guest passphrase');
    await guest
      .getByRole('textbox', { name: 'Confirm new password' })
      .fill('a long guest passphrase');
    await guest.getByRole('button', { name: 'Accept and continue' }).click();
    await guest.waitForURL(/\/t\/demo/);
    await guest.getByRole('heading', { name: /Welcome, Grace Guest/ }).waitFor();
    await guest.context().close();

    await admin.reload();
    await admin
      .getByRole('cell', { name: /Grace Guest/ })
      .first()
      .waitFor();
    await admin.context().close();
  });
});
