import { sql } from '../db/sql';
import { type MembershipSummary, Role } from '@convene/contracts';
import { permissionsOf } from '@convene/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';

const MembershipRow = z.strictObject({
  tenant_id: z.guid(),
  slug: z.string(),
  tenant_name: z.string(),
  membership_id: z.guid(),
  role: Role,
  member_state_code: z.string().nullable(),
});

@Injectable()
export class TenantsService {
  /** Every tenant the person may switch to (needs app.user_id set). */
  async membershipsOf(manager: EntityManager, userId: string): Promise<MembershipSummary[]> {
    // Raw SQL: a join of memberships with their tenants, sorted by the tenants' names.
    const rows = await sql(
      manager,
      `select t.id as tenant_id, t.slug, t.name as tenant_name,
              m.id as membership_id, m.role, m.member_state_code
         from memberships m join tenants t on t.id = m.tenant_id
        where m.user_id = $1 and m.status = 'active'
        order by t.name, t.id`,
      [userId],
      MembershipRow,
    );
    return rows.map((row) => ({
      tenant: { id: row.tenant_id, slug: row.slug, name: row.tenant_name },
      role: row.role,
      memberStateAlpha3: row.member_state_code?.trim() ?? null,
      permissions: [...permissionsOf(row.role)],
    }));
  }
}
