import { parseArgs } from 'node:util';
import { Email } from '@convene/contracts';
import { createTransport } from 'nodemailer';
import { loadConfig } from '../config/app-config';
import { openDatabases } from '../db/data-source.factory';
import { invitationMail } from '../mail/mail-templates';
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
  // Platform operations act as the owner, not as the application role.
  const ownerConfig =
    config.database.kind === 'postgres'
      ? { ...config, database: { ...config.database, appUrl: config.database.ownerUrl } }
      : config;
  const databases = await openDatabases(ownerConfig);
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
    if (config.smtpUrl) {
      const transport = createTransport(config.smtpUrl);
      await transport.sendMail({
        from: config.mailFrom,
        to: email.data,
        ...invitationMail('en', {
          tenantName: values.name,
          inviterName: 'The Convene operator',
          role: 'tenant_admin',
          link,
          expiresAt: new Date(Date.now() + config.invitationTtlMs),
        }),
      });
      transport.close();
      process.stdout.write('The invitation was sent by email.\n');
    }
  } finally {
    await databases.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
