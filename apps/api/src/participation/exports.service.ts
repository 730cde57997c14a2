import { PassThrough, Readable } from 'node:stream';
import {
  type ExportFormat,
  PARTICIPANT_EXPORT_COLUMNS,
  type ParticipantExportColumn,
  type ParticipantExportRequest,
} from '@convene/contracts';
import { Injectable, StreamableFile } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/app-exception';
import { isUuid } from '../common/uuid';
import { requestContext } from '../db/request-context';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';
import {
  type Viewer,
  type Visibility,
  viewerParams,
  visibilityOf,
  visibleEvent,
} from '../events/event-visibility';
import { MAIL_STRINGS, type MailLanguage, mailLanguageFor } from '../mail/templates/mail-strings';
import { personalColumn, visibleNomination } from './participant-visibility';

/** Rows fetched per page: each page is its own short transaction (a slow client holds no connection). */
export const EXPORT_PAGE_SIZE = 500;

/** At most this many day columns: attendance of a longer event is summed up, not spread out. */
const MAX_DAY_COLUMNS = 31;

const VIEWER: Viewer = viewerParams(1);

/** Which nominations a scope lists. */
const SCOPE_CONDITION = {
  approved: `n.status = 'approved' and n.confirmation <> 'declined'`,
  all: `n.status <> 'withdrawn'`,
} as const;

/** The rows an export may list, for the caller as $1–$3 and the event as $4. */
const listed = (scope: ParticipantExportRequest['scope']) => `
  from events e
  join nominations n on n.tenant_id = e.tenant_id and n.event_id = e.id
  join participants p on p.tenant_id = n.tenant_id and p.id = n.participant_id
  join member_states ms on ms.alpha3 = n.member_state_code
 where e.id = $4 and ${visibleEvent('e', VIEWER)}
   and ${visibleNomination('n', 'e', VIEWER)}
   and ${SCOPE_CONDITION[scope]}`;

const PlanRow = z.strictObject({
  days: z.array(z.string()),
  rows: z.number().int(),
});

/** One nominee as the export lists them; personal columns through the one rule. */
const ExportRow = z.strictObject({
  id: z.guid(),
  full_name: z.string(),
  sort_name: z.string(),
  state: z.string(),
  state_name: z.string(),
  email: z.string().nullable(),
  function_title: z.string().nullable(),
  institution: z.string(),
  institution_type: z.string(),
  sex: z.string(),
  audience: z.string(),
  preferred_language: z.string(),
  languages: z.array(z.string()).nullable(),
  status: z.string(),
  confirmation: z.string().nullable(),
  dietary_needs: z.string().nullable(),
  accessibility_needs: z.string().nullable(),
  attendance: z.record(z.string(), z.string()),
});
type ExportRow = z.infer<typeof ExportRow>;

/** A page of the list in a stable order, after the keyset ($5 State, $6 name, $7 id). */
const pageStatement = (scope: ParticipantExportRequest['scope']) => `
  select n.id, p.full_name, lower(p.full_name) as sort_name, n.member_state_code::text as state,
         ms.name_en as state_name,
         ${personalColumn('p.email', 'n', 'e', VIEWER)} as email,
         ${personalColumn('n.function_title', 'n', 'e', VIEWER)} as function_title,
         n.institution, n.institution_type, n.sex, n.audience, n.preferred_language,
         ${personalColumn('n.languages', 'n', 'e', VIEWER)} as languages,
         n.status, n.confirmation,
         ${personalColumn('n.dietary_needs', 'n', 'e', VIEWER)} as dietary_needs,
         ${personalColumn('n.accessibility_needs', 'n', 'e', VIEWER)} as accessibility_needs,
         coalesce((select jsonb_object_agg(a.day::text, a.status) from attendance a
                    where a.tenant_id = n.tenant_id and a.nomination_id = n.id), '{}'::jsonb)
           as attendance
  ${listed(scope)}
   and ($5::text is null
        or (n.member_state_code::text, lower(p.full_name), n.id) > ($5::text, $6::text, $7::uuid))
 order by n.member_state_code::text, lower(p.full_name), n.id
 limit ${EXPORT_PAGE_SIZE}`;

/** The columns a logistics team needs (their headers in the exporter's language), then one per day. */
const COLUMNS: Record<ParticipantExportColumn, (row: ExportRow) => string> = {
  name: (row) => row.full_name,
  state: (row) => row.state_name,
  stateCode: (row) => row.state,
  functionTitle: (row) => row.function_title ?? '',
  institution: (row) => row.institution,
  institutionType: (row) => row.institution_type,
  email: (row) => row.email ?? '',
  sex: (row) => row.sex,
  audience: (row) => row.audience,
  preferredLanguage: (row) => row.preferred_language,
  languages: (row) => (row.languages ?? []).join(', '),
  status: (row) => row.status,
  confirmation: (row) => row.confirmation ?? '',
  dietaryNeeds: (row) => row.dietary_needs ?? '',
  accessibilityNeeds: (row) => row.accessibility_needs ?? '',
};

/** What the audit row and the stream need, settled inside the request's transaction. */
export interface ExportPlan {
  tenantId: string;
  userId: string | null;
  visibility: Visibility;
  eventId: string;
  input: ParticipantExportRequest;
  days: string[];
  rows: number;
  /** The exporter's language: the sheet's name and the column headers are written in it. */
  language: MailLanguage;
}

/**
 * A cell a spreadsheet would read as a formula (= + - @, or a tab or carriage return that some
 * programs strip before looking) is prefixed with an apostrophe: CSV injection (OWASP).
 */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** One CSV field (RFC 4180): neutralised, and quoted when it holds a quote, comma or line break. */
export function csvField(cell: string): string {
  const safe = neutralise(cell);
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replaceAll('"', '""')}"` : safe;
}

@Injectable()
export class ExportsService {
  constructor(
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Checks the event and counts the rows in the request's transaction, and writes the audit row
   * there: the interceptor commits it before the response's first byte leaves (the stream is
   * read only after the handler's transaction committed). Then the file streams, a page at a
   * time, each page in a transaction of its own.
   */
  async export(eventId: string, input: ParticipantExportRequest): Promise<StreamableFile> {
    if (!isUuid(eventId)) throw notFound('Event');
    const { manager, user, tenant } = requestContext.current();
    if (!tenant) throw notFound('Event');
    const visibility = visibilityOf(user?.id ?? null, tenant);
    const [plan] = await sql(
      manager,
      `select array(select d::date::text from generate_series(
                      (e.starts_at at time zone e.time_zone)::date,
                      (e.ends_at at time zone e.time_zone)::date, interval '1 day') d
                    limit ${MAX_DAY_COLUMNS}) as days,
              (select count(*) ${listed(input.scope)})::int as rows
         from events e
        where e.id = $4 and ${visibleEvent('e', VIEWER)}`,
      [...visibility, eventId],
      PlanRow,
    );
    if (!plan) throw notFound('Event');
    await this.audit.record({
      action: 'participants.exported',
      entity: 'event',
      entityId: eventId,
      after: {
        format: input.format,
        scope: input.scope,
        // The stated purpose of taking personal data out: the log exists to say why (it is the
        // staff's purpose, not text about a person, so audit-facts keeps it).
        purpose: input.reason,
        rows: plan.rows,
        // A focal point's export holds their own State's nominees only.
        memberState: visibility[1],
      },
    });
    const exportPlan: ExportPlan = {
      tenantId: tenant.id,
      userId: user?.id ?? null,
      visibility,
      eventId,
      input,
      days: plan.days,
      rows: plan.rows,
      language: mailLanguageFor(user?.preferredLanguage ?? 'en'),
    };
    const stream =
      input.format === 'csv' ? Readable.from(this.csv(exportPlan)) : this.xlsx(exportPlan);
    const name = `participants-${eventId}.${input.format}`;
    return new StreamableFile(stream, {
      type: CONTENT_TYPES[input.format],
      disposition: `attachment; filename="${name}"`,
    });
  }

  /** The rows, a page at a time, each page read in its own transaction under the same rules. */
  async *rows(plan: ExportPlan): AsyncGenerator<ExportRow> {
    let after: [string, string, string] | null = null;
    for (;;) {
      const keyset: [string, string, string] | [null, null, null] = after ?? [null, null, null];
      const page: ExportRow[] = await inTransaction(
        this.dataSource,
        { tenantId: plan.tenantId, userId: plan.userId },
        (manager) =>
          sql(
            manager,
            pageStatement(plan.input.scope),
            [...plan.visibility, plan.eventId, ...keyset],
            ExportRow,
          ),
      );
      yield* page;
      const last: ExportRow | undefined = page[page.length - 1];
      if (!last || page.length < EXPORT_PAGE_SIZE) return;
      after = [last.state, last.sort_name, last.id];
    }
  }

  private headers(plan: ExportPlan): string[] {
    const { columns } = MAIL_STRINGS[plan.language].participantExport;
    return [...PARTICIPANT_EXPORT_COLUMNS.map((column) => columns[column]), ...plan.days];
  }

  private cells(plan: ExportPlan, row: ExportRow): string[] {
    return [
      ...PARTICIPANT_EXPORT_COLUMNS.map((column) => COLUMNS[column](row)),
      ...plan.days.map((day) => row.attendance[day] ?? ''),
    ];
  }

  /** UTF-8 with a byte order mark (spreadsheets then read Arabic and Chinese names right), CRLF. */
  private async *csv(plan: ExportPlan): AsyncGenerator<string> {
    yield '\uFEFF' + this.headers(plan).map(csvField).join(',') + '\r\n';
    let lines: string[] = [];
    for await (const row of this.rows(plan)) {
      lines.push(this.cells(plan, row).map(csvField).join(',') + '\r\n');
      if (lines.length === 100) {
        yield lines.join('');
        lines = [];
      }
    }
    if (lines.length > 0) yield lines.join('');
  }

  /**
   * exceljs's streaming writer: each row is committed (written to the zip and forgotten) as it
   * comes, and the writer waits whenever the response is not draining, so memory stays flat
   * however long the list (docs/performance.md). Cells are strings, never formulas.
   */
  private xlsx(plan: ExportPlan): PassThrough {
    const output = new PassThrough();
    const write = async () => {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
        stream: output,
        useStyles: true,
        useSharedStrings: false,
      });
      const sheet = workbook.addWorksheet(MAIL_STRINGS[plan.language].participantExport.sheet, {
        views: [{ state: 'frozen', ySplit: 1 }],
      });
      const header = sheet.addRow(this.headers(plan));
      header.font = { bold: true };
      header.commit();
      for await (const row of this.rows(plan)) {
        if (output.destroyed) return;
        sheet.addRow(this.cells(plan, row)).commit();
        if (output.writableNeedDrain) await drained(output);
      }
      sheet.commit();
      await workbook.commit();
    };
    write().catch((error: unknown) =>
      output.destroy(error instanceof Error ? error : new Error(String(error))),
    );
    return output;
  }
}

/** Until the stream drains, or closes (the client went away: the loop then stops). */
function drained(output: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      output.off('drain', done);
      output.off('close', done);
      resolve();
    };
    output.on('drain', done);
    output.on('close', done);
  });
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
