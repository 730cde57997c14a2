import { sql } from '../db/sql';
import type { AuditEntry, Page } from '@convene/contracts';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { AuditEntryRow } from './audit-entry.entity';
import { auditFacts } from './audit-facts';
import { requestContext } from '../db/request-context';
import { decodeCursor, encodeCursor } from '../common/cursor';

const AuditListRow = z.strictObject({
  id: z.guid(),
  actor_id: z.guid().nullable(),
  actor_name: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entity_id: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  at: z.date(),
  at_key: z.string(),
});

@Injectable()
export class AuditService {
  /**
   * Writes one append-only row in the request's own transaction, with the personal values of
   * `before` and `after` replaced by markers (auditFacts).
   */
  async record(change: {
    action: string;
    entity: string;
    entityId: string;
    before?: unknown;
    after?: unknown;
    tenantId?: string;
    actorId?: string | null;
  }): Promise<void> {
    const { manager, tenant, user } = requestContext.current();
    const tenantId = change.tenantId ?? tenant?.id;
    if (!tenantId) throw new Error(`Audit of ${change.action} without a tenant`);
    await manager
      .createQueryBuilder()
      .insert()
      .into(AuditEntryRow)
      .values({
        tenantId,
        actorId: change.actorId === undefined ? (user?.id ?? null) : change.actorId,
        action: change.action,
        entity: change.entity,
        entityId: change.entityId,
        // The driver writes a jsonb value as JSON.stringify of it; undefined writes DEFAULT (null).
        // Only references and non-personal facts: the log keeps no personal value (audit-facts).
        before: auditFacts(change.before ?? undefined, change.after) ?? undefined,
        after: auditFacts(change.after ?? undefined, change.before) ?? undefined,
      })
      // Nothing reads the generated id back: no RETURNING clause.
      .updateEntity(false)
      .execute();
  }

  /** Newest first, keyset-paginated on (at, id). */
  async list(limit: number, after?: string): Promise<Page<AuditEntry>> {
    const { manager } = requestContext.current();
    const cursor = decodeCursor(after, ['timestamp', 'uuid'] as const);
    // Raw SQL: a keyset page joined with the actors' names.
    const rows = await sql(
      manager,
      `select a.id, a.actor_id, u.name as actor_name, a.action, a.entity, a.entity_id,
              a.before, a.after, a.at, a.at::text as at_key
         from audit_log a left join users u on u.id = a.actor_id
        where ($1::timestamptz is null or (a.at, a.id) < ($1::timestamptz, $2::uuid))
        order by a.at desc, a.id desc
        limit $3`,
      [cursor?.[0] ?? null, cursor?.[1] ?? null, limit + 1],
      AuditListRow,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => ({
        id: row.id,
        actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? '' } : null,
        action: row.action,
        entity: row.entity,
        entityId: row.entity_id,
        before: row.before,
        after: row.after,
        at: row.at.toISOString(),
      })),
      nextCursor: rows.length > limit && last ? encodeCursor([last.at_key, last.id]) : null,
    };
  }
}
