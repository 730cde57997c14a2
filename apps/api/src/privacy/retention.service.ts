import {
  RETENTION_DEFAULTS,
  type RetentionPolicy,
  type RetentionPolicyUpdate,
  type RetentionPreview,
  RetentionResult,
  type RetentionRuns,
} from '@convene/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { AuditService } from '../audit/audit.service';
import { AppException } from '../common/app-exception';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { requestContext } from '../db/request-context';
import { sql } from '../db/sql';
import { countDue, cutoffsOf, periodsOf } from './retention';

const PolicyRow = z.strictObject({
  participants_months: z.number().int(),
  experts_months: z.number().int(),
  mail_days: z.number().int(),
  links_days: z.number().int(),
  version: z.number().int(),
  updated_at: z.date(),
  updated_by_id: z.guid().nullable(),
  updated_by_name: z.string().nullable(),
});

const RunRow = z.strictObject({
  id: z.guid(),
  run_on: z.string(),
  status: z.enum(['queued', 'done', 'failed']),
  attempts: z.number().int(),
  result: z.unknown(),
  done_at: z.date().nullable(),
});

const DayRow = z.strictObject({ today: z.string(), latest: z.string() });

/** The tenant admins' side of retention: the periods, a preview of a day's run, the runs done. */
@Injectable()
export class RetentionService {
  constructor(
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(): Promise<RetentionPolicy> {
    const [row] = await sql(
      requestContext.current().manager,
      `select r.participants_months, r.experts_months, r.mail_days, r.links_days, r.version,
              r.updated_at, u.id as updated_by_id, u.name as updated_by_name
         from retention_policies r left join users u on u.id = r.updated_by`,
      [],
      PolicyRow,
    );
    // The platform's period for sessions and reset tokens: the same in every tenant, read-only.
    const sessionsDays = this.config.sessionRetentionDays;
    if (!row) {
      return { ...RETENTION_DEFAULTS, version: 0, updatedAt: null, updatedBy: null, sessionsDays };
    }
    return {
      participantsMonths: row.participants_months,
      expertsMonths: row.experts_months,
      mailDays: row.mail_days,
      linksDays: row.links_days,
      version: row.version,
      updatedAt: row.updated_at.toISOString(),
      updatedBy:
        row.updated_by_id && row.updated_by_name !== null
          ? { id: row.updated_by_id, name: row.updated_by_name }
          : null,
      sessionsDays,
    };
  }

  /**
   * Saves the periods with the version read: 0 creates the tenant's row (two first saves at
   * once: the second finds it there, 409), n updates it if nobody saved since (409 otherwise).
   */
  async update(input: RetentionPolicyUpdate): Promise<RetentionPolicy> {
    const { manager, user } = requestContext.current();
    const before = await this.get();
    const values = [
      input.participantsMonths,
      input.expertsMonths,
      input.mailDays,
      input.linksDays,
      user?.id ?? null,
    ];
    const saved =
      input.version === 0
        ? await sql(
            manager,
            `insert into retention_policies (tenant_id, participants_months, experts_months,
                                             mail_days, links_days, updated_by)
             values (nullif(current_setting('app.tenant_id', true), '')::uuid, $1, $2, $3, $4, $5)
             on conflict (tenant_id) do nothing
             returning version`,
            values,
          )
        : await sql(
            manager,
            `update retention_policies
                set participants_months = $1, experts_months = $2, mail_days = $3,
                    links_days = $4, updated_by = $5, updated_at = now(), version = version + 1
              where version = $6
             returning version`,
            [...values, input.version],
          );
    if (saved.length === 0) {
      throw new AppException(
        409,
        'stale-version',
        'Someone changed the retention periods meanwhile',
        'Reload them and make your change again.',
        undefined,
        { currentVersion: before.version },
      );
    }
    const {
      version: _before,
      updatedAt: _at,
      updatedBy: _by,
      sessionsDays: _platform,
      ...was
    } = before;
    const { version: _version, ...now } = input;
    await this.audit.record({
      action: 'privacy.retention_updated',
      entity: 'tenant',
      entityId: requestContext.current().tenant?.id ?? '',
      before: was,
      after: now,
    });
    return this.get();
  }

  /**
   * What the run of `on` will do with the periods and the data of now. A day before today is
   * refused (runs do not go back), and so is one more than three years ahead.
   */
  async preview(on: string | undefined): Promise<RetentionPreview> {
    const { manager } = requestContext.current();
    const [days] = await sql(
      manager,
      `select current_date::text as today, (current_date + interval '3 years')::date::text as latest`,
      [],
      DayRow,
    );
    const today = days?.today ?? new Date().toISOString().slice(0, 10);
    const day = on ?? today;
    if (day < today || (days && day > days.latest)) {
      throw new AppException(400, 'validation', 'The request is not valid', undefined, [
        { path: 'on', message: `must be a day from ${today} to ${days?.latest ?? today}` },
      ]);
    }
    const cutoffs = await cutoffsOf(manager, day, await periodsOf(manager));
    const due = await countDue(manager, cutoffs);
    return {
      on: day,
      participants: { people: due.people, events: due.events, endedBefore: cutoffs.participants },
      experts: { profiles: due.profiles, leftBefore: cutoffs.experts },
      mail: { messages: due.messages, before: cutoffs.mail },
      links: { links: due.links, before: cutoffs.links },
    };
  }

  /** The latest runs, newest first: their day, status and figures. */
  async runs(): Promise<RetentionRuns> {
    const rows = await sql(
      requestContext.current().manager,
      `select id, run_on::text as run_on, status, attempts, result, done_at from privacy_jobs
        where kind = 'retention' order by run_on desc, created_at desc limit 30`,
      [],
      RunRow,
    );
    return {
      items: rows.map((row) => ({
        id: row.id,
        runOn: row.run_on,
        status: row.status,
        attempts: row.attempts,
        result: row.result === null ? null : RetentionResult.parse(row.result),
        doneAt: row.done_at?.toISOString() ?? null,
      })),
    };
  }
}
