import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';

export const BASE_URL = process.env['BASE_URL'] ?? 'http://127.0.0.1:3000';
export const DEMO_PASSWORD = 'Convene-demo-2026';
const SCREENSHOTS = 'e2e/screenshots';

/** Debian's Chromium, headless, with nothing reaching out to the network. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function openPage(browser: Browser, path = '/'): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 860 },
    locale: 'en-GB',
  });
  const page = await context.newPage();
  await page.goto(BASE_URL + path);
  return page;
}

/** Fails on any serious or critical accessibility violation that axe finds. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  // Colours halfway through a fade (a dialog opening) fail the contrast check: let every finite
  // animation and transition end first; spinners and progress bars run forever and are left be.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (animation) =>
          animation.playState !== 'running' ||
          animation.effect?.getComputedTiming().iterations === Infinity,
      ),
  );
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  assert.deepEqual(blocking, [], `accessibility violations on ${where}`);
}

/** Saves a full-page screenshot to look at (e2e/screenshots/<name>.png). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

/**
 * Saves a picture of the whole page, however tall (e2e/screens/<name>.png by default). The
 * window is made as tall as the page for a moment, so that the signed-in frame's sticky toolbar
 * and side navigation are drawn once, at the top, and fixed layers cover the whole page.
 */
export async function screenshotWhole(
  page: Page,
  name: string,
  folder = 'e2e/screens',
): Promise<void> {
  const viewport = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const path = `${folder}/${name}.png`;
  mkdirSync(path.slice(0, path.lastIndexOf('/')), { recursive: true });
  if (viewport && height > viewport.height) {
    await page.setViewportSize({ width: viewport.width, height: Math.min(height, 16_000) });
  }
  await page.screenshot({ path, fullPage: true });
  if (viewport) await page.setViewportSize(viewport);
}

/**
 * Fails when the page, or the signed-in frame's content, is wider than the window.
 *
 * Right after a resize the shell's breakpoint observer has not yet turned the side menu into an
 * overlay, so one reading can see the 1366 px layout squeezed into 390 px. The check reads again
 * until the layout settles, for up to two seconds, and fails with the last reading.
 */
export async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const deadline = Date.now() + 2_000;
  let overflowing = await readOverflow(page);
  while (overflowing.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    overflowing = await readOverflow(page);
  }
  assert.deepEqual(overflowing, [], `sideways scrolling on ${where}`);
}

/** What sticks out of the window now: the wide boxes, then the elements past either edge. */
function readOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const wide = [
      document.documentElement,
      document.body,
      ...document.querySelectorAll('main'),
    ].filter((element) => element.scrollWidth > element.clientWidth + 1);
    if (wide.length === 0) return [];
    // Name what sticks out, to fix it: elements past either edge not inside a scrolling box.
    const clipped = (element: Element): boolean => {
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        if (parent.matches('main, body, html')) return false;
        if (style.overflowX !== 'visible' && style.overflowX !== 'clip') return true;
        if (style.overflowX === 'clip') return true;
      }
      return false;
    };
    const outside = [...document.querySelectorAll('main *')]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && (box.right > innerWidth + 1 || box.left < -1) && !clipped(element);
      })
      .slice(-5)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`);
    return [
      ...wide.map(
        (element) =>
          `${element.tagName.toLowerCase()} is ${element.scrollWidth} px wide in ${element.clientWidth}`,
      ),
      ...outside,
    ];
  });
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  if (!page.url().includes('/sign-in')) await page.goto(`${BASE_URL}/sign-in`);
  await page.getByLabel(/email/i).fill(email);
  await page
    .getByLabel(/password/i)
    .first()
    .fill(password);
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

interface CaughtMail {
  to: string[];
  subject: string;
  text: string;
}

/** Waits for the development SMTP catcher to receive a message for `to`. */
export async function waitForMail(to: string, timeoutMs = 15_000): Promise<CaughtMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const messages = (await (await fetch(`${BASE_URL}/dev/mail/messages`)).json()) as CaughtMail[];
    const found = messages.find((message) => message.to.includes(to));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no mail to ${to}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * The side navigation, whatever the interface language: beside the page from 960 px, else in the
 * drawer (a <dialog>) that the toolbar's menu button opens.
 */
export function mainNav(page: Page) {
  return page.locator('#cv-sidenav nav').first();
}

/** Sets a demo person's preferred language back, so one test's choice does not leak into the next. */
export async function resetLanguage(page: Page, language = 'en'): Promise<void> {
  const xsrf =
    (await page.context().cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? '';
  const response = await page.request.patch(`${BASE_URL}/api/me`, {
    data: { preferredLanguage: language },
    headers: { 'x-xsrf-token': decodeURIComponent(xsrf) },
  });
  assert.equal(response.status(), 200);
  await page.evaluate(() => localStorage.clear());
}

/**
 * Presses what opens a dialog and waits until the dialog has taken focus. Material moves focus
 * into a dialog only when its opening animation ends; text typed before that can land in the
 * field that then receives focus (a CI run once lost a session's start time that way).
 */
export async function openDialog(page: Page, opener: Locator): Promise<Locator> {
  await opener.click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await page.waitForFunction(
    () => document.querySelector('mat-dialog-container')?.contains(document.activeElement) ?? false,
  );
  return dialog;
}

/**
 * One screen looked at as people see it: in English and Arabic, at 1366 and 390 px, fonts loaded,
 * axe-checked, nothing sideways on the phone, pictured whole as `<folder>/<width>-<language>-<name>`.
 * `open` brings the screen up (again) after each change of language and size; `prepare`, if given,
 * then sets it as it should be pictured (e.g. disclosures opened). The person's language and the
 * page's size are set back afterwards: the language the person had (the next spec may expect
 * it: the demo expert's is French), at 1366 px.
 */
export async function pictureEverywhere(
  page: Page,
  shot: { folder: string; name: string },
  open: () => Promise<unknown>,
  prepare?: () => Promise<unknown>,
): Promise<void> {
  const me = await page.request.get(`${BASE_URL}/api/me`);
  assert.equal(me.status(), 200);
  const { preferredLanguage } = (await me.json()) as { preferredLanguage: string };
  for (const language of ['en', 'ar'] as const) {
    await resetLanguage(page, language);
    for (const size of [
      { width: 1366, height: 768 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(size);
      await open();
      if (prepare) await prepare();
      await page.evaluate(async () => {
        await document.fonts.ready;
      });
      const where = `${shot.name} at ${size.width} in ${language}`;
      await expectAccessible(page, where);
      if (size.width < 600) await expectNoSidewaysScroll(page, where);
      await screenshotWhole(page, `${shot.folder}/${size.width}-${language}-${shot.name}`);
    }
  }
  await resetLanguage(page, preferredLanguage);
  await page.setViewportSize({ width: 1366, height: 768 });
}
