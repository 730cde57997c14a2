import type { TenantSettings, TenantSettingsUpdate } from '@convene/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { AuditService } from '../audit/audit.service';
import { AppException, notFound } from '../common/app-exception';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { requestContext } from '../db/request-context';
import { sql } from '../db/sql';

const SettingsRow = z.strictObject({
  document_max_bytes: z.number().int(),
  settings_version: z.number().int(),
});

/** The tenant's own settings, kept by its admins: today the upload size limit. */
@Injectable()
export class TenantSettingsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async get(): Promise<TenantSettings> {
    const { manager } = requestContext.current();
    const [row] = await sql(
      manager,
      `select document_max_bytes, settings_version from tenants
        where id = nullif(current_setting('app.tenant_id', true), '')::uuid`,
      [],
      SettingsRow,
    );
    if (!row) throw notFound('Tenant');
    return this.view(row);
  }

  /**
   * Sets the upload limit, at most the server's UPLOAD_MAX_BYTES (422 above it); the version
   * read is checked in the update itself, so of two admins saving at once one gets 409.
   */
  async update(input: TenantSettingsUpdate): Promise<TenantSettings> {
    const { manager } = requestContext.current();
    if (input.documentMaxBytes > this.config.uploadMaxBytes) {
      throw new AppException(
        422,
        'unprocessable',
        'The limit is above what this server accepts',
        `At most ${this.config.uploadMaxBytes} bytes.`,
        [{ path: 'documentMaxBytes', message: `at most ${this.config.uploadMaxBytes}` }],
      );
    }
    const before = await this.get();
    const [row] = await sql(
      manager,
      `update tenants set document_max_bytes = $1, settings_version = settings_version + 1
        where id = nullif(current_setting('app.tenant_id', true), '')::uuid
          and settings_version = $2
       returning document_max_bytes, settings_version`,
      [input.documentMaxBytes, input.version],
      SettingsRow,
    );
    if (!row) {
      throw new AppException(
        409,
        'stale-version',
        'Someone changed the settings meanwhile',
        `The upload limit is now ${before.documentMaxBytes} bytes. Reload and make your change again.`,
      );
    }
    await this.audit.record({
      action: 'tenant.settings_updated',
      entity: 'tenant',
      entityId: requestContext.current().tenant?.id ?? '',
      before: { documentMaxBytes: before.documentMaxBytes },
      after: { documentMaxBytes: row.document_max_bytes },
    });
    return this.view(row);
  }

  private view(row: z.infer<typeof SettingsRow>): TenantSettings {
    return {
      documentMaxBytes: row.document_max_bytes,
      serverMaxBytes: this.config.uploadMaxBytes,
      version: row.settings_version,
    };
  }
}
