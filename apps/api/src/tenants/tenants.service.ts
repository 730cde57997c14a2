import { sql } from '../db/sql';
import type { MembershipSummary, Role } from '@convene/contracts';
import { permissionsOf } from '@convene/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

interface MembershipRow {
  tenant_id: string;
  slug: string;
  tenant_name: string;
  membership_id: string;
  role: Role;
  member_state_code: string | null;
}

@Injectable()
export class TenantsService {
  /** Every tenant the person may switch to (needs app.user_id set). */
  async membershipsOf(manager: EntityManager, userId: string): Promise<MembershipSummary[]> {
    const rows = await sql<MembershipRow>(
      manager,
      `select t.id as tenant_id, t.slug, t.name as tenant_name,
              m.id as membership_id, m.role, m.member_state_code
         from memberships m join tenants t on t.id = m.tenant_id
        where m.user_id = $1 and m.status = 'active'
        order by t.name, t.id`,
      [userId],
    );
    return rows.map((row) => ({
      tenant: { id: row.tenant_id, slug: row.slug, name: row.tenant_name },
      role: row.role,
      memberStateAlpha3: row.member_state_code?.trim() ?? null,
      permissions: [...permissionsOf(row.role)],
    }));
  }
}
