import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  BASE_URL,
  expectAccessible,
  launchBrowser,
  mainNav,
  openDialog,
  openPage,
  resetLanguage,
  screenshot,
  signIn,
} from '../support/browser.ts';

interface CaughtMail {
  to: string[];
  subject: string;
  text: string;
}

/** Waits for the development SMTP catcher to receive a message with this subject. */
async function waitForSubject(subject: string, timeoutMs = 15_000): Promise<CaughtMail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const messages = (await (await fetch(`${BASE_URL}/dev/mail/messages`)).json()) as CaughtMail[];
    const found = messages.filter((message) => message.subject === subject);
    if (found.length > 0) return found;
    if (Date.now() > deadline) throw new Error(`no mail with the subject ${subject}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const xsrf = async (page: Page) =>
  decodeURIComponent(
    (await page.context().cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? '',
  );

describe('the six UN languages', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    // Whatever happened, the people go back to English for the other specs.
    for (const email of ['admin@demo.example', 'officer@demo.example']) {
      const page = await openPage(browser, '/sign-in');
      await signIn(page, email);
      await resetLanguage(page);
      await page.context().close();
    }
    await browser.close();
  });

  it('shows the screens in Chinese, Russian and Spanish, left to right', async () => {
    const page = await openPage(browser, '/sign-in');
    await signIn(page, 'admin@demo.example');
    const nav = mainNav(page);
    await nav.getByRole('link', { name: 'Home' }).waitFor();

    const languages = [
      { autonym: '中文', code: 'zh', home: '首页', users: '用户', menu: /语言/ },
      { autonym: 'Русский', code: 'ru', home: 'Главная', users: 'Пользователи', menu: /Язык/ },
      { autonym: 'Español', code: 'es', home: 'Inicio', users: 'Usuarios', menu: /Idioma/ },
    ];
    let menu = /Change language/;
    for (const language of languages) {
      await page.getByRole('button', { name: menu }).click();
      await page.getByRole('menuitemradio', { name: language.autonym }).click();
      await nav.getByRole('link', { name: language.home }).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), language.code);
      assert.equal(await page.locator('html').getAttribute('dir'), 'ltr');
      await expectAccessible(page, `home in ${language.code}`);
      await screenshot(page, `home-${language.code}`);

      await nav.getByRole('link', { name: language.users }).click();
      await page.getByRole('heading', { level: 1, name: language.users }).waitFor();
      await expectAccessible(page, `users in ${language.code}`);
      await nav.getByRole('link', { name: language.home }).click();
      menu = language.menu;
    }

    // The choice is kept with the account.
    await page.reload();
    await nav.getByRole('link', { name: 'Inicio' }).waitFor();
    await page.context().close();
  });

  it('mails the focal points of the host States when an event is planned', async () => {
    const page = await openPage(browser, '/sign-in');
    await signIn(page, 'officer@demo.example');
    const session = (await (await page.request.get(`${BASE_URL}/api/auth/session`)).json()) as {
      user: { id: string };
    };
    const title = `Border security workshop ${Date.now()}`;
    const created = await page.request.post(`${BASE_URL}/api/t/demo/events`, {
      headers: { 'x-xsrf-token': await xsrf(page) },
      data: {
        type: 'regional_workshop',
        title,
        thematicAreas: ['international_cooperation'],
        format: 'in_person',
        venue: { name: 'UN Gigiri', city: 'Nairobi', countryAlpha3: 'KEN' },
        startsAt: '2027-04-12T06:00:00Z',
        endsAt: '2027-04-14T14:00:00Z',
        timeZone: 'Africa/Nairobi',
        workingLanguages: ['en'],
        hostStates: ['KEN'],
        responsibleOfficerId: session.user.id,
      },
    });
    assert.equal(created.status(), 201);
    const { id } = (await created.json()) as { id: string };

    await page.goto(`${BASE_URL}/t/demo/events/${id}`);
    const dialog = await openDialog(page, page.getByRole('button', { name: 'Plan', exact: true }));
    await dialog
      .getByText('The focal points of its host States receive an email announcing it.', {
        exact: false,
      })
      .waitFor();
    await expectAccessible(page, 'plan dialog');
    await dialog.getByRole('button', { name: 'Plan event' }).click();
    await page.getByText(`${title} is planned.`).waitFor();

    // Kenya's focal point in the demo tenant, in their language (English).
    const mails = await waitForSubject(`New event: ${title}`);
    assert.deepEqual(
      mails.map((mail) => mail.to),
      [['focal@demo.example']],
    );
    assert.match(mails[0]?.text ?? '', /Dates: Monday, 12 April 2027 at 09:00/);
    assert.match(mails[0]?.text ?? '', /Venue: UN Gigiri, Nairobi\./);
    assert.match(mails[0]?.text ?? '', new RegExp(`/t/demo/events/${id}`));
    await page.context().close();
  });
});
