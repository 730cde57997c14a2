import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  BASE_URL,
  expectAccessible,
  mainNav,
  resetLanguage,
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
  after(async () => {
    // Whatever happened, the officer goes back to English for the other specs.
    const page = await openPage(browser, '/sign-in');
    await signIn(page, 'officer@demo.example');
    await resetLanguage(page);
    await browser.close();
  });

  it('moves an officer between tenants, into French and Arabic (mirrored), and out', async () => {
    const page = await openPage(browser, '/sign-in');
    await signIn(page, 'officer@demo.example');
    // Never in a tenant before: they land where their role is strongest, demo (officer), not
    // northwind (expert), which comes first by name.
    await page.waitForURL(/\/t\/demo/);
    const nav = mainNav(page);
    await nav.getByRole('link', { name: 'Users' }).waitFor();

    await page.getByRole('button', { name: /Switch organisation/ }).click();
    await expectAccessible(page, 'tenant menu');
    await screenshot(page, 'tenant-menu');
    await page.getByRole('menuitemradio', { name: /Northwind Regional Academy/ }).click();
    await page.waitForURL(/\/t\/northwind/);
    // An expert in northwind: no Users page. The page's heading has focus after the switch.
    await nav.getByRole('link', { name: 'Home' }).waitFor();
    assert.equal(await nav.getByRole('link', { name: 'Users' }).count(), 0);
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    await screenshot(page, 'home-northwind-expert');

    // The tenant used last is remembered: signing in again lands there, and pages outside any
    // tenant, or a wrong address inside it, keep it.
    await page.getByRole('button', { name: /Account menu/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await signIn(page, 'officer@demo.example');
    await page.waitForURL(/\/t\/northwind/);
    await page.goto(`${BASE_URL}/profile`);
    await page.getByRole('heading', { name: 'Your profile' }).waitFor();
    await page
      .getByRole('button', { name: /Northwind Regional Academy\. Switch organisation/ })
      .waitFor();
    await page.goto(`${BASE_URL}/t/northwind/no-such-page`);
    await page.getByRole('heading', { name: 'Page not found', level: 1 }).waitFor();
    await page
      .getByRole('button', { name: /Northwind Regional Academy\. Switch organisation/ })
      .waitFor();

    // Back to demo, which the other specs expect the officer to land in.
    await page.getByRole('button', { name: /Switch organisation/ }).click();
    await page.getByRole('menuitemradio', { name: /Terrorism Prevention Branch/ }).click();
    await page.waitForURL(/\/t\/demo/);
    // A programme officer in demo: the Users page is there.
    await nav.getByRole('link', { name: 'Users' }).waitFor();

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

    // Back to English for the next runs.
    await resetLanguage(page);
    await page.goto(`${BASE_URL}/t/demo`);
    await mainNav(page).getByRole('link', { name: 'Home' }).waitFor();

    await page.getByRole('button', { name: /Account menu/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    const session = await page.request.get(`${BASE_URL}/api/auth/session`);
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
