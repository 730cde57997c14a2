import type { Language } from '@convene/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { requestContext } from '../db/request-context';
import { sql } from '../db/sql';
import { inTenant } from '../db/transaction';
import { ALWAYS_SENT_KINDS, type MailMessage } from './templates/mail-message';

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
  enqueue(mail: OutgoingMail): Promise<boolean> {
    return enqueueMail(requestContext.current().manager, mail);
  }
}

/** A person picked to receive a mail: their account, address and language. */
export interface MailRecipient {
  user_id: string;
  email: string;
  language: Language;
}

/**
 * One mail per recipient, in their language, in \`manager\`'s transaction: \`key\` tells the step
 * apart (the kind, the record, the step's version) and each recipient's account ends it, so the
 * same step enqueued twice sends each person one mail.
 */
export async function enqueueEach<R extends MailRecipient>(
  manager: EntityManager,
  tenantId: string,
  recipients: readonly R[],
  key: string,
  message: (recipient: R) => MailMessage,
): Promise<void> {
  for (const recipient of recipients) {
    await enqueueMail(manager, {
      tenantId,
      recipient: recipient.email,
      language: recipient.language,
      idempotencyKey: `${key}:${recipient.user_id}`,
      message: message(recipient),
    });
  }
}

/**
 * Writes the mail in `manager`'s transaction. False when nothing was written:
 * the idempotency key was used already, or the recipient turned this kind off.
 */
export async function enqueueMail(manager: EntityManager, mail: OutgoingMail): Promise<boolean> {
  // Row-level security checks tenant_id against app.tenant_id: act in the
  // mail's tenant for this one insert, then put the request's tenant back.
  // An optional notification the recipient has turned off is not written at
  // all; security mail always is.
  const written = await inTenant(manager, mail.tenantId, () =>
    sql(
      manager,
      `insert into mail_outbox (tenant_id, kind, recipient, language, payload, idempotency_key)
     select $1, $2, lower($3), $4, $5, $6
      where $7 or not exists (
              select from users where lower(email) = lower($3) and $2 = any (muted_mail_kinds))
     on conflict (tenant_id, idempotency_key) do nothing
     returning id`,
      [
        mail.tenantId,
        mail.message.kind,
        mail.recipient,
        mail.language,
        JSON.stringify(mail.message),
        mail.idempotencyKey ?? null,
        ALWAYS_SENT_KINDS.includes(mail.message.kind),
      ],
    ),
  );
  return written.length > 0;
}
