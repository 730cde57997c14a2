import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../common/access.decorators';
import { type CaughtMail, DevMailCatcher } from './dev-mail-catcher';

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** Makes the links in an (already escaped) text clickable, so a caught invitation can be opened. */
const linkify = (escaped: string) =>
  escaped.replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);

/** Development only: what the in-process SMTP catcher received. */
@ApiExcludeController()
@Controller('dev/mail')
export class DevMailController {
  constructor(@Inject(DevMailCatcher) private readonly catcher: DevMailCatcher) {}

  @Get('messages')
  @Public()
  messages(): readonly CaughtMail[] {
    return this.catcher.list();
  }

  @Get()
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  page(): string {
    const items = this.catcher
      .list()
      .map(
        (m) => `<article><h2>${escapeHtml(m.subject)}</h2>
<p><b>To:</b> ${escapeHtml(m.to.join(', '))} · <b>From:</b> ${escapeHtml(m.from)} · ${escapeHtml(m.date)}</p>
<pre>${linkify(escapeHtml(m.text))}</pre></article>`,
      )
      .join('<hr>');
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Convene · caught mail</title>
<style>body{font-family:system-ui,sans-serif;max-width:900px;margin:2rem auto;padding:0 1rem}pre{white-space:pre-wrap;background:#f4f4f8;padding:1rem}</style>
</head><body><h1>Mail caught in development (${this.catcher.list().length})</h1>${items || '<p>No mail yet.</p>'}</body></html>`;
  }
}
