import { sql } from '../db/sql';
import type { AuditEntry, Page } from '@convene/contracts';
import { Injectable } from '@nestjs/common';
import { requestContext } from '../db/request-context';
import { decodeCursor, encodeCursor } from '../common/cursor';

@Injectable()
export class AuditService {
  /** Writes one append-only row in the request's own transaction. */
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
    await sql(
      manager,
      `insert into audit_log (tenant_id, actor_id, action, entity, entity_id, before, after)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [
        tenantId,
        change.actorId === undefined ? (user?.id ?? null) : change.actorId,
        change.action,
        change.entity,
        change.entityId,
        change.before === undefined ? null : JSON.stringify(change.before),
        change.after === undefined ? null : JSON.stringify(change.after),
      ],
    );
  }

  /** Newest first, keyset-paginated on (at, id). */
  async list(limit: number, after?: string): Promise<Page<AuditEntry>> {
    const { manager } = requestContext.current();
    const cursor = decodeCursor(after, ['timestamp', 'uuid'] as const);
    const rows = await sql<{
      id: string;
      actor_id: string | null;
      actor_name: string | null;
      action: string;
      entity: string;
      entity_id: string;
      before: unknown;
      after: unknown;
      at: Date;
      at_key: string;
    }>(
      manager,
      `select a.id, a.actor_id, u.name as actor_name, a.action, a.entity, a.entity_id,
              a.before, a.after, a.at, a.at::text as at_key
         from audit_log a left join users u on u.id = a.actor_id
        where ($1::timestamptz is null or (a.at, a.id) < ($1::timestamptz, $2::uuid))
        order by a.at desc, a.id desc
        limit $3`,
      [cursor?.[0] ?? null, cursor?.[1] ?? null, limit + 1],
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
        at: new Date(row.at).toISOString(),
      })),
      nextCursor: rows.length > limit && last ? encodeCursor([last.at_key, last.id]) : null,
    };
  }
}
