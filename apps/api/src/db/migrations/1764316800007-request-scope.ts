import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What every request does before its handler, as one statement instead of five: switch to the
 * application role with no tenant and no user, find the session behind the cookie's hash, scope
 * the transaction to its user, find that user's active membership in the tenant named by the
 * URL, and scope the transaction to that tenant. The round trips, not the lookups, were the cost
 * (docs/performance.md).
 *
 * Not SECURITY DEFINER: after the role switch every read runs as the application role under
 * row-level security, exactly as the separate statements did — the membership is readable only
 * through the own_memberships policy, once app.user_id is set. Settings are transaction-local
 * and the function has no SET clause, so they outlive the call and end with the transaction.
 * No row: no valid session (the role switch has still happened).
 */
export class RequestScope1764316800007 implements MigrationInterface {
  name = 'RequestScope1764316800007';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create function request_scope(
        p_role text, p_token_hash bytea, p_max_age_seconds double precision, p_tenant_slug text)
      returns table (
        session_id uuid, last_seen_at timestamptz, user_id uuid, email text, name text,
        preferred_language text, tenant_id uuid, tenant_slug text, tenant_name text,
        membership_id uuid, role text, member_state_code text)
      language plpgsql volatile
      as $fn$
      #variable_conflict use_column
      declare
        found_session record;
        scope_tenant_id uuid;
        scope_tenant_slug text;
        scope_tenant_name text;
        scope_membership_id uuid;
        scope_role text;
        scope_member_state text;
      begin
        perform set_config('role', p_role, true),
                set_config('app.tenant_id', '', true),
                set_config('app.user_id', '', true);
        if p_token_hash is null then
          return;
        end if;
        select s.id, s.last_seen_at, u.id as user_id, u.email, u.name, u.preferred_language
          into found_session
          from public.sessions s join public.users u on u.id = s.user_id
         where s.token_hash = p_token_hash and s.revoked_at is null and s.expires_at > now()
           and s.created_at > now() - make_interval(secs => p_max_age_seconds);
        if not found then
          return;
        end if;
        perform set_config('app.user_id', found_session.user_id::text, true);
        if p_tenant_slug is not null then
          select t.id, t.slug, t.name, m.id, m.role, trim(m.member_state_code)
            into scope_tenant_id, scope_tenant_slug, scope_tenant_name, scope_membership_id,
                 scope_role, scope_member_state
            from public.tenants t
            join public.memberships m
              on m.tenant_id = t.id and m.user_id = found_session.user_id
             and m.status = 'active'
           where t.slug = p_tenant_slug;
          if found then
            perform set_config('app.tenant_id', scope_tenant_id::text, true);
          end if;
        end if;
        return query select
          found_session.id, found_session.last_seen_at, found_session.user_id,
          found_session.email, found_session.name, found_session.preferred_language,
          scope_tenant_id, scope_tenant_slug, scope_tenant_name, scope_membership_id,
          scope_role, scope_member_state;
      end
      $fn$;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop function request_scope(text, bytea, double precision, text)`);
  }
}
