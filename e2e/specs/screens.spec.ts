import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  BASE_URL,
  DEMO_PASSWORD,
  expectAccessible,
  expectNoSidewaysScroll,
  launchBrowser,
  screenshotWhole,
  resetLanguage,
} from '../support/browser.ts';

/**
 * Every screen, as each demo role sees it, on a phone and on a laptop, in English and in Arabic
 * (right to left): axe finds nothing serious, nothing makes the page scroll sideways, and a
 * picture of the whole page lands in e2e/screens/<width>-<language>/ for people to look at.
 */

const SIZES = [
  { width: 390, height: 844 },
  { width: 1366, height: 768 },
] as const;
const LANGUAGES = ['en', 'ar'] as const;
type Language = (typeof LANGUAGES)[number];

interface Walk {
  email: string;
  role: string;
  /** The language the person chose, put back afterwards. */
  preferred: string;
  screens: readonly Screen[];
}

type Screen =
  | 'home'
  | 'nav'
  | 'profile'
  | 'events'
  | 'calendar'
  | 'event'
  | 'participation'
  | 'form'
  | 'users'
  | 'mail'
  | 'states'
  | 'not-found';

/** The demo event States are invited to. */
const PARTICIPATION_EVENT = 'Regional workshop on digital evidence for East Africa';

const WALKS: readonly Walk[] = [
  {
    email: 'admin@demo.example',
    role: 'admin',
    preferred: 'en',
    screens: [
      'home',
      'nav',
      'profile',
      'events',
      'calendar',
      'event',
      'form',
      'users',
      'mail',
      'states',
      'not-found',
    ],
  },
  {
    email: 'officer@demo.example',
    role: 'officer',
    preferred: 'en',
    screens: ['home', 'users', 'participation'],
  },
  {
    email: 'focal@demo.example',
    role: 'focal',
    preferred: 'en',
    screens: ['home', 'events', 'participation'],
  },
  { email: 'expert@demo.example', role: 'expert', preferred: 'fr', screens: ['home'] },
];

/** Waits for a page to settle: its heading shown, nothing loading, no animation running. */
async function settle(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor();
  await page.waitForFunction(() => document.querySelector('mat-progress-bar') === null);
  // Until the icon font has loaded, axe takes an icon's name ("translate") for visible text.
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
}

async function look(page: Page, folder: string, name: string, width: number): Promise<void> {
  const where = `${name} at ${folder}`;
  await expectAccessible(page, where);
  if (width < 600) await expectNoSidewaysScroll(page, where);
  await screenshotWhole(page, `${folder}/${name}`);
}

async function signInAnyLanguage(page: Page, email: string): Promise<void> {
  await page.goto(`${BASE_URL}/sign-in`);
  await page.locator('input[type=email]').fill(email);
  await page.locator('input[autocomplete=current-password]').fill(DEMO_PASSWORD);
  await page.locator('button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

async function visit(page: Page, screen: Screen): Promise<void> {
  const tenant = `${BASE_URL}/t/demo`;
  switch (screen) {
    case 'home':
      await page.goto(tenant);
      break;
    case 'nav':
      break; // the home page, with its navigation drawn out on a phone (see walk)
    case 'profile':
      await page.goto(`${BASE_URL}/profile`);
      break;
    case 'events':
      await page.goto(`${tenant}/events`);
      await page.locator('.events-results').waitFor();
      break;
    case 'calendar':
      await page.goto(`${tenant}/events`);
      await page.locator('.events-toolbar mat-button-toggle button').nth(1).click();
      await page.locator('.calendar-title').waitFor();
      break;
    case 'event':
    case 'participation':
      break; // several screens, or found through the events list: see walk
    case 'form':
      await page.goto(`${tenant}/events/new`);
      break;
    case 'users':
      await page.goto(`${tenant}/users`);
      break;
    case 'mail':
      await page.goto(`${tenant}/mail`);
      break;
    case 'states':
      await page.goto(`${tenant}/member-states`);
      break;
    case 'not-found':
      await page.goto(`${BASE_URL}/no-such-page`);
      break;
  }
  await settle(page);
}

/** Sets each demo person's language (kept with their account), signing in as them. */
async function chooseLanguages(browser: Browser, chosen: (person: Walk) => string): Promise<void> {
  const context = await browser.newContext();
  try {
    for (const person of WALKS) {
      const page = await context.newPage();
      await signInAnyLanguage(page, person.email);
      await resetLanguage(page, chosen(person));
      await context.clearCookies();
      await page.close();
    }
  } finally {
    await context.close();
  }
}

async function walk(page: Page, person: Walk, folder: string, width: number): Promise<void> {
  await signInAnyLanguage(page, person.email);
  for (const screen of person.screens) {
    if (screen === 'nav') {
      if (width >= 960) continue; // the navigation is always shown beside the page
      await page.goto(`${BASE_URL}/t/demo`);
      await settle(page);
      const menu = page.locator('.shell-toolbar button[aria-controls=cv-sidenav]');
      assert.equal(await menu.getAttribute('aria-expanded'), 'false');
      await menu.click();
      await page.locator('dialog#cv-sidenav[open]').waitFor();
      // Right in the frame the drawer opens in, not after some later change detection.
      assert.equal(await menu.getAttribute('aria-expanded'), 'true');
      await look(page, folder, `${person.role}-nav`, width);
      await page.keyboard.press('Escape');
      await page.locator('dialog#cv-sidenav[open]').waitFor({ state: 'detached' });
      // The browser drops [open] at once; the dialog's close event, which the shell listens
      // to, follows in a later task.
      await page
        .locator('.shell-toolbar button[aria-controls=cv-sidenav][aria-expanded=false]')
        .waitFor({ timeout: 2000 });
      // Focus is back on the button that opened the drawer.
      assert.equal(await menu.evaluate((button) => button === document.activeElement), true);
      continue;
    }
    if (screen === 'event') {
      await page.goto(`${BASE_URL}/t/demo/events`);
      const first = page.locator('a[href*="/events/"]:not([href$="/new"])').first();
      await first.waitFor();
      const href = (await first.getAttribute('href')) ?? '';
      for (const tab of ['overview', 'agenda', 'participation', 'history']) {
        await page.goto(`${BASE_URL}${href}${tab === 'overview' ? '' : `?tab=${tab}`}`);
        await settle(page);
        await page.locator('mat-tab-group').waitFor();
        await look(page, folder, `${person.role}-event-${tab}`, width);
      }
      continue;
    }
    if (screen === 'participation') {
      // The regional workshop's participation tab: the officer's States and nominees, or the
      // focal point's invitation and nominees.
      await page.goto(`${BASE_URL}/t/demo/events`);
      const link = page.getByRole('link', { name: PARTICIPATION_EVENT });
      await link.waitFor();
      await page.goto(`${BASE_URL}${(await link.getAttribute('href')) ?? ''}?tab=participation`);
      await page.locator('cv-participation-tab').waitFor();
      await settle(page);
      await look(page, folder, `${person.role}-participation`, width);
      continue;
    }
    await visit(page, screen);
    await look(page, folder, `${person.role}-${screen}`, width);
    if (screen === 'events' && width < 600) {
      // On a phone the filters beyond the search fold away behind a disclosure button.
      const toggle = page.locator('.cv-filter-panel__toggle');
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      assert.equal(await page.locator('mat-select').first().isVisible(), false);
      await toggle.click();
      await page.locator('.cv-filter-panel__toggle[aria-expanded=true]').waitFor();
      await page.locator('mat-select').first().waitFor();
      await look(page, folder, `${person.role}-events-filters`, width);
      // The button counts the folded filters that are set: a status, here.
      assert.doesNotMatch(await toggle.innerText(), /1/);
      await page.locator('mat-select').nth(1).click();
      await page.getByRole('option').nth(1).click();
      await page.waitForFunction(() =>
        document.querySelector('.cv-filter-panel__toggle')?.textContent?.includes('1'),
      );
    }
  }
}

/** Everything at one size, signed out and then as each person, in the language they now have. */
async function walkAll(
  browser: Browser,
  language: Language,
  size: { width: number; height: number },
): Promise<void> {
  const folder = `${size.width}-${language}`;
  const context: BrowserContext = await browser.newContext({
    viewport: { width: size.width, height: size.height },
    locale: language === 'ar' ? 'ar' : 'en-GB',
    reducedMotion: 'reduce',
  });
  try {
    // Signed out, the browser's language decides.
    const page = await context.newPage();
    for (const [path, name] of [
      ['/sign-in', 'sign-in'],
      ['/reset-password', 'reset-password'],
      ['/public/demo', 'public'],
    ] as const) {
      await page.goto(`${BASE_URL}${path}`);
      await settle(page);
      await look(page, folder, name, size.width);
    }
    await page.close();

    for (const person of WALKS) {
      const personal = await context.newPage();
      await walk(personal, person, folder, size.width);
      await context.clearCookies();
      await personal.close();
    }
  } finally {
    await context.close();
  }
}

describe('every screen on a phone and a laptop, in English and Arabic', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(() => browser.close());

  for (const language of LANGUAGES) {
    it(`shows every screen at ${SIZES.map((size) => size.width).join(' and ')} px in ${language}`, async () => {
      await chooseLanguages(browser, () => language);
      try {
        // Both sizes at once: the walks only read, and each has its own cookies.
        await Promise.all(SIZES.map((size) => walkAll(browser, language, size)));
      } finally {
        await chooseLanguages(browser, (person) => person.preferred);
      }
    });
  }
});
