import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { requestContext } from '../db/request-context';
import type { RenderedMail } from './mail-templates';

export const SMTP_URL = Symbol('SMTP_URL');

/**
 * Sends mail over SMTP with nodemailer. A message is handed to the server
 * only after the request's transaction commits, so a rolled-back change
 * sends nothing. (Durable delivery with an outbox arrives with the mail issue.)
 */
@Injectable()
export class MailerService implements OnModuleDestroy {
  private readonly logger = new Logger(MailerService.name);
  private readonly transport: Transporter | null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SMTP_URL) smtpUrl: string | null,
  ) {
    this.transport = smtpUrl ? createTransport(smtpUrl) : null;
    if (!this.transport) this.logger.warn('No SMTP_URL: mail is not sent');
  }

  /** Queues a message for after commit; outside a request, sends at once. */
  sendAfterCommit(to: string, mail: RenderedMail): void {
    const send = () => {
      this.send(to, mail).catch((error: Error) =>
        this.logger.error(`Mail to ${to} failed: ${error.message}`),
      );
    };
    const context = requestContext.maybe();
    if (context) context.afterCommit.push(send);
    else send();
  }

  async send(to: string, mail: RenderedMail): Promise<void> {
    if (!this.transport) return;
    await this.transport.sendMail({ from: this.config.mailFrom, to, ...mail });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
