import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  BASE_URL,
  expectAccessible,
  mainNav,
  launchBrowser,
  openPage,
  screenshot,
  signIn,
} from '../support/browser.ts';

const ROLES: { email: string; name: string; nav: string[] }[] = [
  { email: 'admin@demo.example', name: 'tenant-admin', nav: ['Home', 'Users', 'Member States'] },
  {
    email: 'officer@demo.example',
    name: 'programme-officer',
    nav: ['Home', 'Users', 'Member States'],
  },
  { email: 'focal@demo.example', name: 'focal-point', nav: ['Home', 'Member States'] },
];

describe('signing in as each role', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(() => browser.close());

  it('shows an accessible sign-in page', async () => {
    const page = await openPage(browser, '/sign-in');
    await page.getByRole('heading', { name: 'Sign in to Convene' }).waitFor();
    await expectAccessible(page, 'sign-in');
    await screenshot(page, 'sign-in');
    await page.getByLabel('Email').fill('admin@demo.example');
    await page.getByLabel('Password', { exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(/incorrect/i).waitFor();
    await screenshot(page, 'sign-in-error');
    await page.context().close();
  });

  for (const role of ROLES) {
    it(`gives a ${role.name} the navigation of their role`, async () => {
      const page = await openPage(browser, '/sign-in');
      await signIn(page, role.email);
      await page.goto(`${BASE_URL}/t/demo`);
      const nav = mainNav(page);
      await nav.getByRole('link', { name: 'Home' }).waitFor();
      const links = (await nav.getByRole('link').allInnerTexts()).map((text) => text.trim());
      for (const expected of role.nav)
        assert.ok(
          links.some((link) => link.includes(expected)),
          `${role.name} sees ${expected}`,
        );
      if (!role.nav.includes('Users'))
        assert.ok(!links.some((link) => link.includes('Users')), `${role.name} has no Users link`);
      await expectAccessible(page, `home of ${role.name}`);
      await screenshot(page, `home-${role.name}`);
      await page.context().close();
    });
  }

  it('greets the expert in French, their preferred language', async () => {
    const page = await openPage(browser, '/sign-in');
    await signIn(page, 'expert@demo.example');
    await mainNav(page).getByRole('link', { name: 'Accueil' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
    await expectAccessible(page, 'home of expert (fr)');
    await screenshot(page, 'home-expert-fr');
    await page.context().close();
  });

  it('lists the Member States with a search and a regional filter', async () => {
    const page = await openPage(browser, '/sign-in');
    await signIn(page, 'focal@demo.example');
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Member States' })
      .click();
    await page.getByText('States matching: 195 of 195').waitFor();
    await expectAccessible(page, 'member states');
    await screenshot(page, 'member-states');
    await page.getByLabel('Search States').fill('ken');
    await page.getByRole('cell', { name: 'Kenya' }).waitFor();
    await page.context().close();
  });

  it("gives an administrator's home only panels with something behind them", async () => {
    const page = await openPage(browser, '/sign-in');
    await signIn(page, 'admin@demo.example');
    await page.goto(`${BASE_URL}/t/demo`);
    const main = page.getByRole('main');
    for (const panel of [
      'Upcoming events',
      'Drafts to plan',
      'Pending invitations',
      'Mail delivery',
      'Your place here',
    ])
      await main.getByRole('heading', { name: panel, level: 2 }).waitFor();
    assert.equal(await main.getByText('What this page will show you').count(), 0);
    await page.context().close();
  });

  it("moves focus to the new page's heading after following a link", async () => {
    const page = await openPage(browser, '/sign-in');
    await signIn(page, 'focal@demo.example');
    await page.goto(`${BASE_URL}/t/demo`);
    await mainNav(page).getByRole('link', { name: 'Member States' }).click();
    await page.waitForFunction(
      () =>
        document.activeElement?.tagName === 'H1' &&
        document.activeElement.getAttribute('tabindex') === '-1',
    );
    await page.context().close();
  });

  it('gives a missing event a page heading of its own', async () => {
    const page = await openPage(browser, '/sign-in');
    await signIn(page, 'officer@demo.example');
    await page.goto(`${BASE_URL}/t/demo/events/00000000-0000-4000-8000-000000000000`);
    await page
      .getByRole('heading', { name: 'This event does not exist, or you cannot see it', level: 1 })
      .waitFor();
    await expectAccessible(page, 'missing event');
    await page.context().close();
  });

  it('keeps a focal point out of the users page', async () => {
    const page = await openPage(browser, '/sign-in');
    await signIn(page, 'focal@demo.example');
    const response = await page.request.get(`${BASE_URL}/api/t/demo/members`);
    assert.equal(response.status(), 403);
    await page.context().close();
  });
});
