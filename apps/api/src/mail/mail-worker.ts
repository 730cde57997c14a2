import { Language } from '@convene/contracts';
import { createTransport, type Transporter } from 'nodemailer';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { inTransaction } from '../db/transaction';
import { sql } from '../db/sql';
import type { AppConfig } from '../config/app-config';
import { MailScheduler } from './mail-scheduler';
import { renderMail } from './templates/mail-renderer';
import type { MailMessage } from './templates/mail-message';

export interface MailWorkerOptions {
  smtpUrl: string;
  from: string;
  appUrl: string;
  /** How many rows one claim takes. */
  batchSize?: number;
  /** How long a claimed row stays out of other workers' reach. */
  leaseMs?: number;
  /**
   * A transient failure (4xx, connection refused, timeout, DNS) is retried until the message
   * has waited this long since it was queued or last retried by hand; then it becomes final.
   */
  giveUpMs?: number;
  /** SMTP connections the worker's pool keeps open at most (each carries many messages). */
  maxConnections?: number;
  /** Idle wait between polls. */
  pollMs?: number;
  /** First retry delay; doubles each attempt up to backoffMaxMs, with jitter. */
  backoffMs?: number;
  /** The longest wait between two attempts. */
  backoffMaxMs?: number;
  /** Scheduled mail (digests, reminders) to compute between sends. */
  scheduler?: MailScheduler;
  /** How often the scheduler looks for what is due. */
  scheduleEveryMs?: number;
  log?: (message: string) => void;
}

/** A message a worker has just leased, with what rendering it needs of its tenant. */
const ClaimedRow = z.strictObject({
  tenant_id: z.guid(),
  id: z.guid(),
  recipient: z.string(),
  language: Language,
  /**
   * The stored message, not checked here: renderMail is its check, and a message it cannot render
   * fails alone (recordFailure), where a schema would refuse the whole batch claimed with it.
   */
  payload: z.custom<MailMessage>(),
  attempts: z.number().int(),
  tenant_name: z.string(),
  platform: z.boolean(),
});
type ClaimedRow = z.infer<typeof ClaimedRow>;

/** The worker as configured: the API's in-process one and `npm run worker` alike. */
export function mailWorkerFor(
  dataSource: DataSource,
  config: AppConfig,
  smtpUrl: string,
  log: (message: string) => void,
): MailWorker {
  return new MailWorker(dataSource, {
    smtpUrl,
    from: config.mailFrom,
    appUrl: config.appUrl,
    leaseMs: config.mailLeaseMs,
    giveUpMs: config.mailGiveUpMs,
    backoffMaxMs: config.mailBackoffMaxMs,
    maxConnections: config.mailSmtpConnections,
    ...(config.mailScheduleMs === null
      ? {}
      : {
          scheduler: new MailScheduler(dataSource, {
            appUrl: config.appUrl,
            digestHourUtc: config.digestHourUtc,
            secret: config.secret,
          }),
          scheduleEveryMs: config.mailScheduleMs,
        }),
    log,
  });
}

/** Stable per outbox row: a resend after a crash carries the same Message-ID. */
export const messageIdOf = (row: { tenant_id: string; id: string }) =>
  `<${row.id}.${row.tenant_id}@outbox.convene>`;

/**
 * Rows a worker claims at once and delivers together. Also what a crash can send twice at most:
 * a mail goes out, then its row is marked sent; a worker killed in between leaves it to be sent
 * again when its lease runs out.
 */
export const MAIL_BATCH_SIZE = 50;

/** SMTP connections one worker keeps open by default; a batch shares them. */
export const MAIL_SMTP_CONNECTIONS = 10;

/**
 * The wait before the next attempt, as a mail server spaces its retries: the base doubles
 * with each attempt up to a cap, and a random factor of 0.5–1 spreads a backlog (say, all the
 * mail queued during an outage) so it does not come back at one instant.
 */
export function retryDelayMs(
  attempts: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return exponential * (0.5 + random() / 2);
}

/**
 * Only the server's final word fails a message at once: a 5xx answer. A 4xx answer, and an
 * error with no SMTP answer at all (connection refused, timeout, DNS, a dropped connection),
 * may heal, and is retried until the message is too old.
 */
export function isPermanentSmtpFailure(error: unknown): boolean {
  const responseCode =
    typeof error === 'object' && error !== null && 'responseCode' in error
      ? error.responseCode
      : undefined;
  return typeof responseCode === 'number' && responseCode >= 500;
}

/**
 * Claims due outbox rows with FOR UPDATE SKIP LOCKED under a lease, sends
 * each over SMTP, and marks it sent, retried (4xx, connection trouble, with
 * capped exponential backoff and jitter) or failed (5xx, or still failing a
 * day after it was queued).
 * Any number of workers may run at once; a crash between sending and
 * marking leads to one resend with the same Message-ID.
 */
export class MailWorker {
  private readonly transport: Transporter;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private nextScheduleAt = 0;
  private readonly options: Required<Omit<MailWorkerOptions, 'log' | 'scheduler'>> &
    Pick<MailWorkerOptions, 'log' | 'scheduler'>;

  constructor(
    private readonly dataSource: DataSource,
    options: MailWorkerOptions,
  ) {
    this.options = {
      batchSize: MAIL_BATCH_SIZE,
      leaseMs: 60_000,
      giveUpMs: 24 * 3_600_000,
      pollMs: 250,
      backoffMs: 2_000,
      backoffMaxMs: 15 * 60_000,
      scheduleEveryMs: 60_000,
      maxConnections: MAIL_SMTP_CONNECTIONS,
      ...options,
    };
    // The pool options belong in the first argument: a second one only holds message
    // defaults, and a pool asked for there silently becomes one connection per message.
    this.transport = createTransport({
      url: options.smtpUrl,
      pool: true,
      maxConnections: this.options.maxConnections,
      maxMessages: Infinity,
    });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.transport.close();
  }

  /** Sends what is due now; returns how many rows it handled (for tests and the bench). */
  async drainOnce(): Promise<number> {
    const rows = await this.claim();
    await Promise.all(rows.map((row) => this.deliver(row)));
    return rows.length;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let handled = 0;
      try {
        await this.scheduleIfDue();
        handled = await this.drainOnce();
      } catch (error) {
        this.options.log?.(
          `mail worker: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      if (handled === 0 && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.options.pollMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }

  private async scheduleIfDue(): Promise<void> {
    const { scheduler, scheduleEveryMs } = this.options;
    if (!scheduler || Date.now() < this.nextScheduleAt) return;
    this.nextScheduleAt = Date.now() + scheduleEveryMs;
    await scheduler.tick();
  }

  private inMailerTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, { as: 'mailer' }, work);
  }

  private claim(): Promise<ClaimedRow[]> {
    return this.inMailerTransaction((manager) =>
      sql(
        manager,
        `with due as (
           select tenant_id, id from mail_outbox
            where status = 'queued' and next_attempt_at <= now()
              and (locked_until is null or locked_until < now())
            order by next_attempt_at
            limit $1
            for update skip locked)
         update mail_outbox o
            set locked_until = now() + make_interval(secs => $2), attempts = o.attempts + 1
           from due, tenants t
          where o.tenant_id = due.tenant_id and o.id = due.id and t.id = o.tenant_id
         returning o.tenant_id, o.id, o.recipient, o.language, o.payload, o.attempts,
                   t.name as tenant_name, t.slug = 'platform' as platform`,
        [this.options.batchSize, this.options.leaseMs / 1000],
        ClaimedRow,
      ),
    );
  }

  private async deliver(row: ClaimedRow): Promise<void> {
    let rendered: ReturnType<typeof renderMail>;
    try {
      rendered = renderMail(row.payload, row.language, {
        tenantName: row.platform ? null : row.tenant_name,
        appUrl: this.options.appUrl,
      });
    } catch (error) {
      // A message that cannot be rendered will not render better later.
      await this.recordFailure(row, error, true);
      return;
    }
    try {
      await this.transport.sendMail({
        from: this.options.from,
        to: row.recipient,
        messageId: messageIdOf(row),
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        attachments: rendered.attachments,
      });
      await this.inMailerTransaction((manager) =>
        sql(
          manager,
          // A mail's links carry live tokens: keep them no longer than needed.
          `update mail_outbox
              set status = 'sent', sent_at = now(), locked_until = null, last_error = null,
                  payload = payload - array['link', 'decisionLink', 'pageLink']
            where tenant_id = $1 and id = $2`,
          [row.tenant_id, row.id],
        ),
      );
    } catch (error) {
      await this.recordFailure(row, error, isPermanentSmtpFailure(error));
    }
  }

  private async recordFailure(row: ClaimedRow, error: unknown, permanent: boolean): Promise<void> {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    const { backoffMs, backoffMaxMs, giveUpMs } = this.options;
    const delayMs = retryDelayMs(row.attempts, backoffMs, backoffMaxMs);
    // A transient failure of a message that has waited long enough becomes final too.
    const [marked] = await this.inMailerTransaction((manager) =>
      sql(
        manager,
        `update mail_outbox
            set status = case when $3 or coalesce(retried_at, created_at)
                                          <= now() - make_interval(secs => $6)
                              then 'failed' else 'queued' end,
                failed_at = case when $3 or coalesce(retried_at, created_at)
                                             <= now() - make_interval(secs => $6)
                                 then now() end,
                next_attempt_at = now() + make_interval(secs => $4),
                locked_until = null, last_error = $5
          where tenant_id = $1 and id = $2
          returning status`,
        [row.tenant_id, row.id, permanent, delayMs / 1000, message, giveUpMs / 1000],
        z.strictObject({ status: z.enum(['queued', 'failed']) }),
      ),
    );
    this.options.log?.(
      `mail ${row.id} ${marked?.status === 'failed' ? 'failed' : 'will be retried'}: ${message}`,
    );
  }
}
