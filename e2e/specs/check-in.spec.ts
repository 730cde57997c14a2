import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import QRCode from 'qrcode';
import {
  BASE_URL,
  expectAccessible,
  expectNoSidewaysScroll,
  resetLanguage,
  screenshot,
  signIn,
  waitForMail,
} from '../support/browser.ts';

const EVENT = 'Check-in demo: national workshop on terrorist financing';
const folder = mkdtempSync(join(tmpdir(), 'check-in-e2e-'));

/**
 * A video the fake camera plays: a QR code holding `text`, black on white, in YUV4MPEG2 (4:2:0),
 * the format Chromium's --use-file-for-fake-video-capture reads. Made here from the code's
 * modules, frame by frame; nothing is downloaded.
 */
function qrVideo(text: string): string {
  const width = 640;
  const height = 480;
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const scale = Math.floor(Math.min(width, height) / (size + 8));
  const left = Math.floor((width - size * scale) / 2);
  const top = Math.floor((height - size * scale) / 2);
  const luma = Buffer.alloc(width * height, 235);
  for (let y = 0; y < size * scale; y++) {
    for (let x = 0; x < size * scale; x++) {
      if (qr.modules.get(Math.floor(y / scale), Math.floor(x / scale)))
        luma[(top + y) * width + left + x] = 16;
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frames: Buffer[] = [Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`)];
  for (let frame = 0; frame < 10; frame++) frames.push(Buffer.from('FRAME\n'), luma, chroma);
  const file = join(folder, 'qr.y4m');
  writeFileSync(file, Buffer.concat(frames));
  return file;
}

/** Chromium with a camera that films the QR code of `text`. */
function browserWithCamera(text: string): Promise<Browser> {
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
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${qrVideo(text)}`,
    ],
  });
}

async function xsrf(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((c) => c.name === 'XSRF-TOKEN');
  return decodeURIComponent(cookie?.value ?? '');
}

describe('check-in at the door and certificates', () => {
  let browser: Browser;
  let page: Page;
  let eventId: string;

  before(async () => {
    // Kwame Mensah's code is the one the camera sees.
    browser = await browserWithCamera('DEMCHECK02');
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'en-GB',
      permissions: ['camera'],
    });
    page = await context.newPage();
    await page.goto(`${BASE_URL}/sign-in`);
    await signIn(page, 'officer@demo.example');
    const events = await page.request.get(
      `${BASE_URL}/api/t/demo/events?q=${encodeURIComponent('Check-in demo')}`,
    );
    const found = ((await events.json()) as { items: { id: string; title: string }[] }).items;
    eventId = found.find((event) => event.title === EVENT)?.id ?? '';
    assert.ok(eventId, 'the check-in demo event');
  });

  after(async () => {
    await resetLanguage(page, 'en');
    await browser.close();
  });

  const entry = (name: string) => page.getByRole('listitem').filter({ hasText: name });

  it('ticks people by name, checks them in by a typed code and by the camera', async () => {
    await page.goto(`${BASE_URL}/t/demo/check-in/${eventId}`);
    await page.getByRole('heading', { name: 'Check-in', level: 1 }).waitFor();
    await page.getByText(EVENT).waitFor();
    // Approved participants, not the one who declined.
    await entry('Amina Odhiambo').waitFor();
    assert.equal(await entry('Diego Ramírez').count(), 0);
    await page.getByRole('status').filter({ hasText: '0 of 5 present' }).waitFor();
    await expectAccessible(page, 'the check-in page');

    // By name: search, then tick.
    await page.getByLabel('Search by name or institution').fill('Li Wei');
    await page.waitForFunction(() => document.querySelectorAll('.check-in-entry').length === 1);
    await entry('Li Wei').getByRole('radio', { name: 'Present' }).click();
    await page.getByRole('status').filter({ hasText: '1 of 5 present' }).waitFor();
    await page.getByLabel('Search by name or institution').fill('');
    await entry('Amina Odhiambo').waitFor();

    // A typed code, as a person types it.
    await page.getByLabel('Participant code').fill('demcheck01');
    await page.getByRole('button', { name: 'Check in', exact: true }).click();
    await page.getByText('Checked in: Amina Odhiambo').waitFor();
    await page.getByLabel('Participant code').fill('ZZZZZZZZZZ');
    await page.getByRole('button', { name: 'Check in', exact: true }).click();
    await page.getByText('No participant of this event has this code.').waitFor();

    // The camera: the fake device films Kwame Mensah's QR code, decoded by jsQR.
    await page.getByRole('button', { name: 'Scan a QR code' }).click();
    await page.getByText('Checked in: Kwame Mensah').waitFor({ timeout: 20_000 });
    await page.getByRole('status').filter({ hasText: '3 of 5 present' }).waitFor();
    assert.equal(
      await entry('Kwame Mensah')
        .getByRole('radio', { name: 'Present' })
        .getAttribute('aria-checked'),
      'true',
    );
    await screenshot(page, 'check-in-1366-en');
    await page.getByRole('button', { name: 'Stop the camera' }).click();
  });

  it('works on a phone, and in Arabic from right to left', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await entry('Amina Odhiambo').waitFor();
    await expectNoSidewaysScroll(page, 'the check-in page at 390 px');
    await expectAccessible(page, 'the check-in page at 390 px');
    await screenshot(page, 'check-in-390-en');

    await resetLanguage(page, 'ar');
    await page.reload();
    await page.getByRole('heading', { name: 'تسجيل الحضور', level: 1 }).waitFor();
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    await entry('Amina Odhiambo').waitFor();
    await expectNoSidewaysScroll(page, 'the check-in page in Arabic at 390 px');
    await expectAccessible(page, 'the check-in page in Arabic');
    await screenshot(page, 'check-in-390-ar');
    await page.setViewportSize({ width: 1366, height: 900 });
    await screenshot(page, 'check-in-1366-ar');
    await resetLanguage(page, 'en');
    await page.reload();
    await page.getByRole('heading', { name: 'Check-in', level: 1 }).waitFor();
  });

  it('issues certificates to those present, mails them, and anyone can verify one', async () => {
    await page.getByRole('button', { name: 'Issue certificates' }).click();
    await page.getByText('3 certificates issued').waitFor();

    const mail = await waitForMail('amina.odhiambo@participants.example');
    assert.match(mail.subject, /Your certificate of participation/);
    const verifyUrl = mail.text.match(/https?:\/\/\S+\/verify\/demo\/[0-9A-Z-]{19}/)?.[0];
    assert.ok(verifyUrl, 'the verification link in the mail');

    // The verification page, for anyone: signed out.
    const visitor = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const check = await visitor.newPage();
    await check.goto(verifyUrl.replace(/^https?:\/\/[^/]+/, BASE_URL));
    await check.getByRole('heading', { name: 'This certificate is genuine' }).waitFor();
    await check.getByText('Amina Odhiambo').waitFor();
    await check.getByText(EVENT).waitFor();
    await expectAccessible(check, 'the verification page');
    await expectNoSidewaysScroll(check, 'the verification page at 390 px');
    await screenshot(check, 'verify-390-en');
    await check.goto(`${BASE_URL}/verify/demo/0000-0000-0000-0000`);
    await check.getByRole('heading', { name: 'No certificate has this code' }).waitFor();
    await visitor.close();

    // The PDFs, as the officer downloads them: page one as PNG, to look at.
    const list = await page.request.get(
      `${BASE_URL}/api/t/demo/events/${eventId}/check-in?day=${new Date().toISOString().slice(0, 10)}`,
    );
    void xsrf;
    const entries = ((await list.json()) as { items: { nominationId: string; name: string }[] })
      .items;
    mkdirSync('e2e/screenshots', { recursive: true });
    for (const [name, file] of [
      ['Amina Odhiambo', 'certificate-en'],
      ['Li Wei', 'certificate-zh'],
      ['Kwame Mensah', 'certificate-fr'],
    ] as const) {
      const id = entries.find((item) => item.name === name)?.nominationId;
      const pdf = await page.request.get(
        `${BASE_URL}/api/t/demo/nominations/${id}/certificate.pdf`,
      );
      assert.equal(pdf.status(), 200);
      assert.equal(pdf.headers()['content-type'], 'application/pdf');
      const path = join(folder, `${file}.pdf`);
      writeFileSync(path, await pdf.body());
      const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' });
      assert.ok(text.includes(name), `${name} on the certificate`);
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-singlefile',
        path,
        `e2e/screenshots/${file}`,
      ]);
    }
  });
});
