import { parseArgs } from 'node:util';
import { Email } from '@convene/contracts';
import { loadConfig } from '../config/app-config';
import { openDatabases } from '../db/data-source.factory';
import { enqueueMail } from '../mail/outbox.service';
import { inTransaction } from '../db/transaction';
import { createTenant, inviteToTenant } from '../tenants/tenant-provisioning';

/**
 * npm run tenant:create -- --slug unodc-tpb --name "…" --admin-email a@b.org
 * Creates the tenant and invites its first administrator by email.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      slug: { type: 'string' },
      name: { type: 'string' },
      'admin-email': { type: 'string' },
    },
  });
  const email = Email.safeParse(values['admin-email']);
  if (!values.slug || !values.name || !email.success) {
    throw new Error(
      'usage: npm run tenant:create -- --slug <slug> --name <name> --admin-email <email>',
    );
  }
  const config = loadConfig();
  // Migrations run as the owner; the tenant is created as the provisioner role.
  const databases = await openDatabases(config);
  try {
    await databases.migrate();
    const tenantId = await createTenant(databases.app, { slug: values.slug, name: values.name });
    const token = await inviteToTenant(databases.app, tenantId, {
      email: email.data,
      role: 'tenant_admin',
      ttlMs: config.invitationTtlMs,
    });
    const link = `${config.appUrl}/invitation/${token}`;
    process.stdout.write(
      `Created tenant "${values.name}" (${values.slug}).\nInvitation for ${email.data}: ${link}\n`,
    );
    await inTransaction(databases.app, { tenantId }, (manager) =>
      enqueueMail(manager, {
        tenantId,
        recipient: email.data,
        language: 'en',
        idempotencyKey: 'first-admin-invitation',
        message: {
          kind: 'invitation',
          tenantName: values.name ?? '',
          inviterName: null,
          role: 'tenant_admin',
          link,
          expiresAt: new Date(Date.now() + config.invitationTtlMs).toISOString(),
        },
      }),
    );
    process.stdout.write('The invitation email is queued; the mail worker sends it.\n');
  } finally {
    await databases.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
