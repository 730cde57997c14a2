import {
  MAX_STATE_LISTS,
  type StateList,
  type StateListCollection,
  type StateListInput,
} from '@convene/contracts';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/app-exception';
import { isUuid } from '../common/uuid';
import { requestContext, type TenantScope } from '../db/request-context';
import { sql } from '../db/sql';
import { InvitationsException } from './invitations.exception';

const StateListRow = z.strictObject({
  id: z.guid(),
  name: z.string(),
  member_states: z.array(z.string()),
  created_at: z.date(),
});
type StateListRow = z.infer<typeof StateListRow>;

const COLUMNS = `id, name, member_states::text[] as member_states, created_at`;

/** The organisation's saved lists of States ("Sahel", "ASEAN") that officers invite together. */
@Injectable()
export class StateListsService {
  constructor(private readonly audit: AuditService) {}

  async list(): Promise<StateListCollection> {
    const rows = await sql(
      requestContext.current().manager,
      `select ${COLUMNS} from state_lists order by lower(name), id limit $1`,
      [MAX_STATE_LISTS],
      StateListRow,
    );
    return { items: rows.map(toStateList) };
  }

  async create(tenant: TenantScope, input: StateListInput): Promise<StateList> {
    const { manager, user } = requestContext.current();
    // Serialises creations in the tenant, so the bound holds when two officers add at once.
    await sql(manager, `select pg_advisory_xact_lock(hashtext('state_lists:' || $1))`, [tenant.id]);
    const [count] = await sql(
      manager,
      `select count(*)::int as count from state_lists`,
      [],
      z.strictObject({ count: z.number().int() }),
    );
    if ((count?.count ?? 0) >= MAX_STATE_LISTS) {
      throw new InvitationsException(
        409,
        'conflict',
        `An organisation keeps at most ${MAX_STATE_LISTS} saved lists`,
        'Delete a list you no longer use first.',
      );
    }
    const [row] = await sql(
      manager,
      `insert into state_lists (tenant_id, name, member_states, created_by)
       values ($1, $2, $3::char(3)[], $4)
       on conflict (tenant_id, lower(name)) do nothing
       returning ${COLUMNS}`,
      [tenant.id, input.name, sorted(input.memberStates), user?.id ?? null],
      StateListRow,
    );
    if (!row) throw nameTaken();
    const created = toStateList(row);
    await this.audit.record({
      action: 'state_list.created',
      entity: 'state_list',
      entityId: row.id,
      after: created,
    });
    return created;
  }

  async update(id: string, input: StateListInput): Promise<StateList> {
    const { manager } = requestContext.current();
    const before = await this.find(id);
    const [taken] = await sql(
      manager,
      `select id from state_lists where lower(name) = lower($1) and id <> $2`,
      [input.name, id],
    );
    if (taken) throw nameTaken();
    const [row] = await sql(
      manager,
      `update state_lists set name = $2, member_states = $3::char(3)[] where id = $1
       returning ${COLUMNS}`,
      [id, input.name, sorted(input.memberStates)],
      StateListRow,
    );
    if (!row) throw notFound('State list');
    const after = toStateList(row);
    await this.audit.record({
      action: 'state_list.updated',
      entity: 'state_list',
      entityId: id,
      before,
      after,
    });
    return after;
  }

  async remove(id: string): Promise<void> {
    const { manager } = requestContext.current();
    const before = await this.find(id);
    await sql(manager, `delete from state_lists where id = $1`, [id]);
    await this.audit.record({
      action: 'state_list.deleted',
      entity: 'state_list',
      entityId: id,
      before,
    });
  }

  private async find(id: string): Promise<StateList> {
    if (!isUuid(id)) throw notFound('State list');
    const [row] = await sql(
      requestContext.current().manager,
      `select ${COLUMNS} from state_lists where id = $1 for update`,
      [id],
      StateListRow,
    );
    if (!row) throw notFound('State list');
    return toStateList(row);
  }
}

const sorted = (codes: readonly string[]) => [...codes].sort();

const nameTaken = () =>
  new InvitationsException(
    409,
    'conflict',
    'A saved list of this name exists already',
    'Names of saved lists are unique in the organisation, whatever the case.',
  );

function toStateList(row: StateListRow): StateList {
  return {
    id: row.id,
    name: row.name,
    memberStates: row.member_states.map((code) => code.trim()),
    createdAt: row.created_at.toISOString(),
  };
}
