import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  BASE_URL,
  expectAccessible,
  launchBrowser,
  openPage,
  screenshot,
  signIn,
} from '../support/browser.ts';

describe('switching tenant and language, then signing out', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(() => browser.close());

  it('moves an officer between tenants, into French and Arabic (mirrored), and out', async () => {
    const page = await openPage(browser, '/sign-in');
    await signIn(page, 'officer@demo.example');
    await page.waitForURL(/\/t\/demo/);

    await page.getByRole('button', { name: /Switch organisation/ }).click();
    await page.getByRole('menuitemradio', { name: /Northwind Regional Academy/ }).click();
    await page.waitForURL(/\/t\/northwind/);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Home' }).waitFor();
    // An expert in northwind: no Users page there.
    assert.equal(await nav.getByRole('link', { name: 'Users' }).count(), 0);
    await screenshot(page, 'home-northwind-expert');

    await page.getByRole('button', { name: /Change language/ }).click();
    await page.getByRole('menuitemradio', { name: /Français/ }).click();
    await nav.getByRole('link', { name: 'Accueil' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
    await expectAccessible(page, 'home in French');

    await page.getByRole('button', { name: /langue/i }).click();
    await page.getByRole('menuitemradio', { name: /العربية/ }).click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    assert.equal(await page.locator('html').getAttribute('lang'), 'ar');
    await expectAccessible(page, 'home in Arabic');
    await screenshot(page, 'home-arabic-rtl');

    // The choice is remembered with the account.
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');

    await page.goto(`${BASE_URL}/profile`);
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await expectAccessible(page, 'profile in Arabic');
    await screenshot(page, 'profile-arabic');

    // Back to English for the next runs, through the profile's API.
    const xsrf =
      (await page.context().cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? '';
    const reset = await page.request.patch('/api/me', {
      data: { preferredLanguage: 'en' },
      headers: { 'x-xsrf-token': decodeURIComponent(xsrf) },
    });
    assert.equal(reset.status(), 200);
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${BASE_URL}/t/demo`);
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Home' })
      .waitFor();

    await page.getByRole('button', { name: /Account menu/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    const session = await page.request.get('/api/auth/session');
    assert.equal(session.status(), 401);
    await page.context().close();
  });

  it('shows the profile page in English', async () => {
    const page = await openPage(browser, '/sign-in');
    await signIn(page, 'admin@demo.example');
    await page.goto(`${BASE_URL}/profile`);
    await page.getByRole('heading', { name: 'Your profile' }).waitFor();
    await expectAccessible(page, 'profile');
    await screenshot(page, 'profile');
    await page.context().close();
  });
});
