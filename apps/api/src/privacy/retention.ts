import { RETENTION_DEFAULTS, type RetentionResult } from '@convene/contracts';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { ABSOLUTE_LIFETIME_MS } from '../auth/session.service';
import { sql } from '../db/sql';

/**
 * THE rules of what a tenant's retention run makes anonymous or deletes on a day
 * (docs/privacy.md). The preview counts with the same predicates the run acts on, so "on
 * 1 March, 214 participants of 9 events will be anonymised" is what the run of 1 March does
 * (with the data and the periods of now). Every statement runs in the tenant's own
 * transaction, as the application role, under row-level security.
 *
 * What goes and what stays: a participant's name, email, function, institution, languages,
 * needs and the reasons written about them go; sex, institution type, audience, State,
 * preferred language, decisions and attendance stay, so every figure, dashboard and IATI result
 * is the same before and after.
 */

/** The periods in force: the tenant's saved ones, or the defaults. */
export interface RetentionPeriods {
  participantsMonths: number;
  expertsMonths: number;
  mailDays: number;
  linksDays: number;
}

const PeriodsRow = z.strictObject({
  participants_months: z.number().int(),
  experts_months: z.number().int(),
  mail_days: z.number().int(),
  links_days: z.number().int(),
});

export async function periodsOf(manager: EntityManager): Promise<RetentionPeriods> {
  const [row] = await sql(
    manager,
    `select participants_months, experts_months, mail_days, links_days from retention_policies`,
    [],
    PeriodsRow,
  );
  return row
    ? {
        participantsMonths: row.participants_months,
        expertsMonths: row.experts_months,
        mailDays: row.mail_days,
        linksDays: row.links_days,
      }
    : { ...RETENTION_DEFAULTS };
}

/** The cut-off days of a run on `on` (YYYY-MM-DD): what ended or left before them is due. */
export interface Cutoffs {
  participants: string;
  experts: string;
  mail: string;
  links: string;
}

const CutoffRow = z.strictObject({
  participants: z.string(),
  experts: z.string(),
  mail: z.string(),
  links: z.string(),
});

export async function cutoffsOf(
  manager: EntityManager,
  on: string,
  periods: RetentionPeriods,
): Promise<Cutoffs> {
  const [row] = await sql(
    manager,
    `select ($1::date - make_interval(months => $2))::date::text as participants,
            ($1::date - make_interval(months => $3))::date::text as experts,
            ($1::date - $4::int)::text as mail,
            ($1::date - $5::int)::text as links`,
    [on, periods.participantsMonths, periods.expertsMonths, periods.mailDays, periods.linksDays],
    CutoffRow,
  );
  if (!row) throw new Error('no cut-off computed');
  return row;
}

/**
 * A participant `p` is due once every event they were nominated for ended before $1 (a day, at
 * its start in UTC): someone who came back to a later event keeps their data until that one too
 * is old enough. Already anonymised people are not due again.
 */
export const PARTICIPANT_DUE = `p.anonymised_at is null
  and not exists (
    select 1 from nominations n
      join events e on e.tenant_id = n.tenant_id and e.id = n.event_id
     where n.tenant_id = p.tenant_id and n.participant_id = p.id
       and e.ends_at >= $1::date::timestamptz)`;

/**
 * An expert profile `ep` is due once its person left the roster (their membership deactivated
 * or no longer an expert's) before $1. The profile's sex and nationality stay for the
 * panels' balance; the organisation, biography, areas, audiences, languages, availability,
 * notes, CV, declarations' details and reasons for declining go.
 */
export const EXPERT_DUE = `ep.anonymised_at is null
  and exists (
    select 1 from memberships m
     where m.tenant_id = ep.tenant_id and m.user_id = ep.user_id
       and (m.status = 'deactivated' or m.role <> 'expert')
       and m.updated_at < $1::date::timestamptz)`;

/** A message `o` sent, given up or cancelled before $1 whose body and address are still kept. */
export const MAIL_DUE = `o.status in ('sent', 'failed', 'cancelled')
  and o.created_at < $1::date::timestamptz
  and o.payload <> '{}'::jsonb`;

/** A participant's link `l` that stopped working (expired, used or revoked) before $1. */
export const LINK_DUE = `least(l.expires_at, coalesce(l.used_at, 'infinity'),
    coalesce(l.revoked_at, 'infinity')) < $1::date::timestamptz`;

/** Where an anonymised address goes: it must stay unique per tenant and reach nobody. */
export const ANONYMOUS_EMAIL = `'anonymised-' || p.id::text || '@anonymised.invalid'`;
export const ANONYMOUS_NAME = 'Anonymised participant';
export const ANONYMOUS_RECIPIENT = 'anonymised@anonymised.invalid';

const PreviewRow = z.strictObject({
  people: z.number().int(),
  events: z.number().int(),
  profiles: z.number().int(),
  messages: z.number().int(),
  links: z.number().int(),
});
export type RetentionCounts = z.infer<typeof PreviewRow>;

/** What a run with these cut-offs would do now: counts only. */
export async function countDue(manager: EntityManager, cutoffs: Cutoffs): Promise<RetentionCounts> {
  const [row] = await sql(
    manager,
    `with people as (select p.id from participants p where ${PARTICIPANT_DUE})
     select (select count(*) from people)::int as people,
            (select count(distinct n.event_id) from nominations n
              where n.participant_id in (select id from people))::int as events,
            (select count(*) from expert_profiles ep
              where ${EXPERT_DUE.replaceAll('$1', '$2')})::int as profiles,
            (select count(*) from mail_outbox o where ${MAIL_DUE.replaceAll('$1', '$3')})::int
              as messages,
            (select count(*) from participant_links l
              where ${LINK_DUE.replaceAll('$1', '$4')})::int as links`,
    [cutoffs.participants, cutoffs.experts, cutoffs.mail, cutoffs.links],
    PreviewRow,
  );
  if (!row) throw new Error('no counts');
  return row;
}

const DuePerson = z.strictObject({ id: z.guid(), email: z.string(), full_name: z.string() });
const DueExpert = z.strictObject({ user_id: z.guid() });
const Key = z.strictObject({ storage_key: z.string() });

/** What one run changed, and the stored objects it leaves to delete after its commit. */
export interface RetentionOutcome {
  result: RetentionResult;
  storageKeys: string[];
}

/**
 * Does what is due with these cut-offs, in the caller's transaction. Idempotent: what it made
 * anonymous is not due again, so a second run (or a second worker on the same day) changes
 * nothing; two at once serialise on the rows they lock.
 */
export async function runRetention(
  manager: EntityManager,
  cutoffs: Cutoffs,
): Promise<RetentionOutcome> {
  // Mail and links first: what anonymising a person removes of theirs is not counted twice.
  const mail = await sql(
    manager,
    `update mail_outbox o set payload = '{}'::jsonb, recipient = $2, last_error = null
      where ${MAIL_DUE} returning o.id`,
    [cutoffs.mail, ANONYMOUS_RECIPIENT],
  );
  const links = await sql(
    manager,
    `delete from participant_links l where ${LINK_DUE} returning l.id`,
    [cutoffs.links],
  );
  const people = await sql(
    manager,
    `select p.id, p.email, p.full_name from participants p where ${PARTICIPANT_DUE}
      order by p.id for update`,
    [cutoffs.participants],
    DuePerson,
  );
  await anonymiseParticipants(manager, people);

  const experts = await sql(
    manager,
    `select ep.user_id from expert_profiles ep where ${EXPERT_DUE} order by ep.user_id for update`,
    [cutoffs.experts],
    DueExpert,
  );
  const storageKeys = await anonymiseExperts(
    manager,
    experts.map((expert) => expert.user_id),
  );

  return {
    result: {
      participants: people.length,
      experts: experts.length,
      mail: mail.length,
      links: links.length,
    },
    storageKeys,
  };
}

/**
 * Anonymises these participants now: the rows of `participants` and the personal columns of
 * their nominations; their links go; mail to them, or naming them, keeps no body nor address.
 * The erasure of one person on request goes through here too.
 */
export async function anonymiseParticipants(
  manager: EntityManager,
  people: readonly { id: string; email: string; full_name: string }[],
): Promise<void> {
  if (people.length === 0) return;
  const ids = people.map((person) => person.id);
  await sql(
    manager,
    `update participants p set email = ${ANONYMOUS_EMAIL}, full_name = $2, anonymised_at = now()
      where p.id = any ($1::uuid[])`,
    [ids, ANONYMOUS_NAME],
  );
  const nominations = await sql(
    manager,
    `select n.id from nominations n where n.participant_id = any ($1::uuid[])`,
    [ids],
    z.strictObject({ id: z.guid() }),
  );
  await clearNominations(
    manager,
    nominations.map((nomination) => nomination.id),
  );
  await sql(
    manager,
    `delete from participant_links l
      using nominations n
      where n.tenant_id = l.tenant_id and n.id = l.nomination_id
        and n.participant_id = any ($1::uuid[])`,
    [ids],
  );
  await forgetMailOf(manager, {
    emails: people.map((person) => person.email),
    names: people.map((person) => person.full_name),
  });
}

/** Whose mail to forget: their addresses, and the names a message about them would hold. */
export interface MailSubjects {
  emails: readonly string[];
  names: readonly string[];
}

/**
 * Mail to these people, or to others naming them (a decision told to the focal point): the
 * condition on `o`, with its parameters as $1 (the addresses) and $2 (what to look for in a body).
 */
function mailOf(subjects: MailSubjects): { condition: string; params: [string[], string[]] } {
  const patterns = [...subjects.emails, ...subjects.names]
    .filter((text) => text.trim().length >= 3)
    .map((text) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return {
    condition: `(lower(o.recipient) = any ($1::text[]) or o.payload::text ilike any ($2::text[]))`,
    params: [subjects.emails.map((email) => email.toLowerCase()), patterns],
  };
}

/** How many messages `forgetMailOf` would change: those that still hold a body or an address. */
export async function countMailOf(manager: EntityManager, subjects: MailSubjects): Promise<number> {
  const { condition, params } = mailOf(subjects);
  const [row] = await sql(
    manager,
    `select count(*)::int as count from mail_outbox o
      where ${condition} and (o.payload <> '{}'::jsonb or lower(o.recipient) = any ($1::text[]))`,
    params,
    z.strictObject({ count: z.number().int() }),
  );
  return row?.count ?? 0;
}

/**
 * Mail to these people, and mail to others that names them: queued mail is not sent any more,
 * and no message keeps its body or their address. Anonymising participants and erasing a member
 * on request both go through here.
 */
export async function forgetMailOf(manager: EntityManager, subjects: MailSubjects): Promise<void> {
  const { condition, params } = mailOf(subjects);
  await sql(
    manager,
    `update mail_outbox o
        set payload = '{}'::jsonb,
            recipient = case when lower(o.recipient) = any ($1::text[]) then $3 else o.recipient end,
            status = case when o.status = 'queued' then 'cancelled' else o.status end,
            last_error = null
      where ${condition}`,
    [...params, ANONYMOUS_RECIPIENT],
  );
}

/**
 * Anonymises these experts' profiles in the tenant; returns the stored objects of their CVs,
 * whose rows go now and whose objects the caller deletes once the transaction commits.
 */
export async function anonymiseExperts(
  manager: EntityManager,
  userIds: readonly string[],
): Promise<string[]> {
  if (userIds.length === 0) return [];
  await sql(
    manager,
    `update expert_profiles ep
        set organisation = '', bio = '', languages = '[]'::jsonb, availability = '{}',
            thematic_areas = '{}', target_audiences = '{}',
            anonymised_at = now(), version = ep.version + 1, updated_at = now()
      where ep.user_id = any ($1::uuid[])`,
    [userIds],
  );
  await sql(manager, `delete from expert_notes where user_id = any ($1::uuid[])`, [userIds]);
  await sql(
    manager,
    `update expert_assignments set decline_reason = '' where user_id = any ($1::uuid[])
        and decline_reason is not null`,
    [userIds],
  );
  await sql(
    manager,
    `update expert_declarations set details = '' where user_id = any ($1::uuid[])
        and details is not null`,
    [userIds],
  );
  const cvs = await sql(
    manager,
    `delete from expert_cvs where user_id = any ($1::uuid[]) returning storage_key`,
    [userIds],
    Key,
  );
  return cvs.map((cv) => cv.storage_key);
}

/**
 * Clears the personal columns of these nominations (function, institution, languages, needs,
 * the reasons written about them, the check-in code) and the reasons their certificates were
 * revoked; what the figures count stays.
 */
export async function clearNominations(
  manager: EntityManager,
  nominationIds: readonly string[],
): Promise<void> {
  if (nominationIds.length === 0) return;
  await sql(
    manager,
    `update nominations n
        set function_title = '', institution = '', languages = '{}', dietary_needs = '',
            accessibility_needs = '', check_in_code = null,
            decision_reason = case when n.decision_reason is null then null else '' end
      where n.id = any ($1::uuid[])`,
    [nominationIds],
  );
  await sql(
    manager,
    `update certificates c set revoke_reason = ''
      where c.nomination_id = any ($1::uuid[]) and c.revoke_reason is not null`,
    [nominationIds],
  );
}

/*
 * The platform's own retention: sessions and password-reset tokens belong to accounts, which
 * span tenants, so no tenant's periods apply. One platform run a day (RetentionWorker, as the
 * worker role, which may read only when these rows ended) deletes those that ended before the
 * cut-off: the run's day less SESSION_RETENTION_DAYS.
 */

/** How many days ended sessions and used or expired tokens are kept, unless configured. */
export const PLATFORM_RETENTION_DEFAULT_DAYS = 30;

/**
 * A session `s` ended before $1 (a timestamp): it expired (12 hours idle: `expires_at` slides
 * with use), reached its absolute lifetime (14 days from sign-in, however active) or was revoked
 * (signed out, password changed, account closed).
 */
export const SESSION_ENDED = `least(s.expires_at,
    s.created_at + make_interval(secs => ${ABSOLUTE_LIFETIME_MS / 1000}),
    coalesce(s.revoked_at, 'infinity')) < $1::timestamptz`;

/** A password-reset token `t` that was used or expired before $1 (a timestamp). */
export const TOKEN_ENDED = `least(t.expires_at, coalesce(t.used_at, 'infinity')) < $1::timestamptz`;

/** What one platform run deleted: counts only. */
export const PlatformResult = z.strictObject({
  sessions: z.number().int(),
  tokens: z.number().int(),
});
export type PlatformResult = z.infer<typeof PlatformResult>;

/**
 * Deletes the sessions and tokens that ended more than `days` days before the day `on` began
 * (UTC), in the caller's transaction. A plain delete: what it deleted is not there to delete
 * again, and two at once serialise on the rows (the second finds them gone and skips them).
 */
export async function runPlatformRetention(
  manager: EntityManager,
  on: string,
  days: number,
): Promise<PlatformResult> {
  // The start (UTC) of the day `days` days before `on`: what ended before it goes.
  const cutoff = new Date(Date.parse(`${on}T00:00:00Z`) - days * 86_400_000).toISOString();
  const [row] = await sql(
    manager,
    `with sessions_gone as (delete from sessions s where ${SESSION_ENDED} returning 1),
          tokens_gone as (delete from user_tokens t where ${TOKEN_ENDED} returning 1)
     select (select count(*) from sessions_gone)::int as sessions,
            (select count(*) from tokens_gone)::int as tokens`,
    [cutoff],
    PlatformResult,
  );
  if (!row) throw new Error('no platform retention counts');
  return row;
}
