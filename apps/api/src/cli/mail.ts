import { parseArgs } from 'node:util';
import { Instant, MailKind, MailRetryFilter, MailStatus } from '@convene/contracts';
import { z } from 'zod';
import { loadConfig } from '../config/app-config';
import { openDatabases } from '../db/data-source.factory';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';
import { describeFilter, retryFailedMail } from '../mail/outbox-retry';
import { auditFacts } from '../audit/audit-facts';

const USAGE = `usage:
  npm run mail -- list  [--status queued|sent|failed|cancelled] [--tenant <slug>] [--kind <kind>]
                        [--from <ISO time>] [--to <ISO time>] [--limit <n>]
  npm run mail -- retry --status failed [--tenant <slug>] [--kind <kind>]
                        [--from <ISO time>] [--to <ISO time>]
Mail outside any organisation (password resets) is under the tenant "platform".
Without --tenant, every tenant.`;

const Command = z.enum(['list', 'retry']);
const Limit = z.coerce.number().int().min(1).max(10_000).default(50);

interface Arguments {
  command: z.infer<typeof Command>;
  tenant: string | null;
  status: MailStatus | null;
  kind: MailKind | null;
  from: string | null;
  to: string | null;
  limit: number;
}

function parseArguments(): Arguments {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      status: { type: 'string' },
      tenant: { type: 'string' },
      kind: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      limit: { type: 'string' },
    },
  });
  const parsed = z
    .object({
      command: Command,
      tenant: z.string().min(1).optional(),
      status: MailStatus.optional(),
      kind: MailKind.optional(),
      from: Instant.optional(),
      to: Instant.optional(),
      limit: Limit,
    })
    .safeParse({ command: positionals[0], ...values });
  if (!parsed.success || positionals.length !== 1) throw new Error(USAGE);
  const args = parsed.data;
  return {
    command: args.command,
    tenant: args.tenant ?? null,
    status: args.status ?? null,
    kind: args.kind ?? null,
    from: args.from ?? null,
    to: args.to ?? null,
    limit: args.limit,
  };
}

/** A message as the list prints it, with how many matched in all (the window's count). */
const ListedRow = z.strictObject({
  created_at: z.date(),
  slug: z.string(),
  kind: z.string(),
  status: z.string(),
  attempts: z.number().int(),
  recipient: z.string(),
  last_error: z.string().nullable(),
  total: z.number().int(),
});

/**
 * npm run mail: the operator's view of every tenant's outbox, the platform's own mail
 * (password resets) included, which no tenant administrator can see. Lists messages, and sends
 * failed ones back to the queue (the running workers deliver them). Connects like the API
 * and npm run worker (DATABASE_URL and APP_SECRET, or the PGlite data directory while the API
 * is stopped); reads across tenants as the mailer role and retries inside each tenant's own
 * transaction, with an audit row there.
 */
async function main() {
  const args = parseArguments();
  // The API's own login (from DATABASE_URL and APP_SECRET), as npm run worker: it reads across
  // tenants as the mailer role and retries as the application role in each tenant.
  const databases = await openDatabases(loadConfig());
  try {
    await databases.open();
    const ds = databases.app;
    const tenants = await inTransaction(ds, { as: 'mailer' }, (m) =>
      sql(
        m,
        `select id, slug from tenants where $1::text is null or slug = $1 order by slug`,
        [args.tenant],
        z.strictObject({ id: z.guid(), slug: z.string() }),
      ),
    );
    if (args.tenant !== null && tenants.length === 0) {
      throw new Error(`No tenant "${args.tenant}"`);
    }

    if (args.command === 'list') {
      const rows = await inTransaction(ds, { as: 'mailer' }, (m) =>
        sql(
          m,
          `select o.created_at, t.slug, o.kind, o.status, o.attempts, o.recipient, o.last_error,
                  count(*) over ()::int as total
             from mail_outbox o join tenants t on t.id = o.tenant_id
            where ($1::text is null or t.slug = $1) and ($2::text is null or o.status = $2)
              and ($3::text is null or o.kind = $3)
              and ($4::timestamptz is null or o.created_at >= $4)
              and ($5::timestamptz is null or o.created_at < $5)
            order by o.created_at desc, o.id desc
            limit $6`,
          [args.tenant, args.status, args.kind, args.from, args.to, args.limit],
          ListedRow,
        ),
      );
      for (const row of rows) {
        const error = row.last_error
          ? `  ${row.last_error.replace(/\s+/g, ' ').slice(0, 120)}`
          : '';
        process.stdout.write(
          `${new Date(row.created_at).toISOString()}  ${row.slug.padEnd(16)} ` +
            `${row.kind.padEnd(15)} ${row.status.padEnd(9)} ${String(row.attempts).padStart(4)}  ` +
            `${row.recipient}${error}\n`,
        );
      }
      const total = rows[0]?.total ?? 0;
      process.stdout.write(
        total > rows.length
          ? `${rows.length} of ${total} messages (--limit shows more)\n`
          : `${total} ${total === 1 ? 'message' : 'messages'}\n`,
      );
      return;
    }

    const filter = MailRetryFilter.safeParse({
      status: args.status,
      ...(args.kind ? { kind: args.kind } : {}),
      ...(args.from ? { createdFrom: args.from } : {}),
      ...(args.to ? { createdTo: args.to } : {}),
    });
    if (!filter.success) throw new Error(USAGE);
    let total = 0;
    for (const tenant of tenants) {
      const retried = await inTransaction(ds, { tenantId: tenant.id }, async (m) => {
        const count = await retryFailedMail(m, tenant.id, filter.data);
        if (count > 0) {
          await sql(
            m,
            `insert into audit_log (tenant_id, actor_id, action, entity, entity_id, after)
             values ($1, null, 'mail.retry_all', 'mail', '*', $2)`,
            [
              tenant.id,
              JSON.stringify(
                auditFacts({ ...describeFilter(filter.data), retried: count, by: 'operator' }),
              ),
            ],
          );
        }
        return count;
      });
      if (retried > 0) {
        process.stdout.write(
          `${tenant.slug}: ${retried} ${retried === 1 ? 'message' : 'messages'} back in the queue\n`,
        );
      }
      total += retried;
    }
    process.stdout.write(`${total} in all; the mail workers send them now.\n`);
  } finally {
    await databases.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
