import type { Language } from '@convene/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { requestContext } from '../db/request-context';
import { sql } from '../db/sql';
import type { MailMessage } from './templates/mail-message';

export interface OutgoingMail {
  /** The organisation the mail is sent for; PLATFORM_TENANT_ID outside any. */
  tenantId: string;
  recipient: string;
  language: Language;
  message: MailMessage;
  /** The same key enqueued twice in a tenant sends one mail. */
  idempotencyKey?: string;
}

/**
 * The one way to send mail: a row in the outbox, written in the caller's
 * transaction, so a rolled-back change sends nothing. The mail worker does
 * the sending.
 */
@Injectable()
export class OutboxService {
  /** Enqueues in the current request's transaction. */
  enqueue(mail: OutgoingMail): Promise<void> {
    return enqueueMail(requestContext.current().manager, mail);
  }
}

export async function enqueueMail(manager: EntityManager, mail: OutgoingMail): Promise<void> {
  // Row-level security checks tenant_id against app.tenant_id: act in the
  // mail's tenant for this one insert, then put the request's tenant back.
  const [previous] = await sql<{ tenant: string | null }>(
    manager,
    `select current_setting('app.tenant_id', true) as tenant`,
  );
  await sql(manager, `select set_config('app.tenant_id', $1, true)`, [mail.tenantId]);
  await sql(
    manager,
    `insert into mail_outbox (tenant_id, kind, recipient, language, payload, idempotency_key)
     values ($1, $2, lower($3), $4, $5, $6)
     on conflict (tenant_id, idempotency_key) do nothing`,
    [
      mail.tenantId,
      mail.message.kind,
      mail.recipient,
      mail.language,
      JSON.stringify(mail.message),
      mail.idempotencyKey ?? null,
    ],
  );
  await sql(manager, `select set_config('app.tenant_id', $1, true)`, [previous?.tenant ?? '']);
}
