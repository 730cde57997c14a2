import {
  type CoverageMap,
  type Dashboard,
  DASHBOARD_CHARTS,
  type DashboardChart,
  type DashboardChartId,
  type DashboardExportQuery,
  type DashboardFilters,
  type DashboardQuery,
  DASHBOARD_MAX_YEARS,
  EDITION_LANGUAGES,
  EVENT_TYPES,
  GEOGRAPHIC_REGIONS,
  INSTITUTION_TYPES,
  ISO_NUMERIC,
  type MapMetric,
  NO_REGION,
  REGIONAL_GROUPS,
  REQUEST_AGE_BANDS,
  REQUEST_STATUSES,
  SEXES,
  TARGET_AUDIENCES,
  THEMATIC_AREAS,
} from '@convene/contracts';
import { crossTab, type Cell, dashboardPeriod, womenShareTable, yearsOf } from '@convene/domain';
import { Injectable, StreamableFile } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { requestContext } from '../db/request-context';
import { sql } from '../db/sql';
import { type Visibility, visibilityOf } from '../events/event-visibility';
import { requestVisibilityOf } from '../requests/request-visibility';
import { csvField } from '../participation/exports.service';
import {
  DELIVERIES_STATEMENT,
  EVENTS_ROLLUP_STATEMENT,
  EVENTS_STATEMENT,
  MAP_COPIES_STATEMENT,
  MAP_EVENTS_STATEMENT,
  MAP_PARTICIPANTS_ROLLUP_STATEMENT,
  MAP_PARTICIPANTS_STATEMENT,
  MAP_REQUESTS_STATEMENT,
  PARTICIPANTS_ROLLUP_STATEMENT,
  PARTICIPANTS_STATEMENT,
  REQUESTS_STATEMENT,
} from './dashboard.query';

const CountRow = z.strictObject({
  dimension: z.string(),
  year: z.number().int().nullable(),
  key: z.string().nullable(),
  count: z.number().int(),
});
type CountRow = z.infer<typeof CountRow>;

const StateRow = z.strictObject({ state: z.string(), value: z.number().int() });

type Source = 'events' | 'participants' | 'deliveries' | 'requests';

/** A chart's table: the keys it shows, from which dimension of which statement. */
const CHARTS: Record<
  Exclude<DashboardChartId, 'womenShare'>,
  { source: Source; dimension: string; keys: readonly string[] }
> = {
  eventsByType: { source: 'events', dimension: 'type', keys: EVENT_TYPES },
  eventsByRegion: {
    source: 'events',
    dimension: 'region',
    keys: [...GEOGRAPHIC_REGIONS, NO_REGION],
  },
  eventsByThematicArea: { source: 'events', dimension: 'area', keys: THEMATIC_AREAS },
  participantsBySex: { source: 'participants', dimension: 'sex', keys: SEXES },
  participantsByAudience: { source: 'participants', dimension: 'audience', keys: TARGET_AUDIENCES },
  participantsByInstitutionType: {
    source: 'participants',
    dimension: 'institution_type',
    keys: INSTITUTION_TYPES,
  },
  participantsByRegion: {
    source: 'participants',
    dimension: 'geographic_region',
    keys: GEOGRAPHIC_REGIONS,
  },
  participantsByRegionalGroup: {
    source: 'participants',
    dimension: 'regional_group',
    keys: [...REGIONAL_GROUPS, NO_REGION],
  },
  toolCopiesByLanguage: { source: 'deliveries', dimension: 'language', keys: EDITION_LANGUAGES },
  // Where the requests submitted that year stand now; a report never counts a draft.
  requestsByStatus: {
    source: 'requests',
    dimension: 'status',
    keys: REQUEST_STATUSES.filter((status) => status !== 'draft'),
  },
  // The open ones among them, by how long ago they were submitted.
  requestsByAge: { source: 'requests', dimension: 'age', keys: REQUEST_AGE_BANDS },
};

/** The statement of each map metric, and under which rule it sees the caller. */
const MAP_STATEMENTS: Record<MapMetric, { statement: string; rule: 'events' | 'requests' }> = {
  participants: { statement: MAP_PARTICIPANTS_STATEMENT, rule: 'events' },
  events: { statement: MAP_EVENTS_STATEMENT, rule: 'events' },
  copies: { statement: MAP_COPIES_STATEMENT, rule: 'events' },
  requests: { statement: MAP_REQUESTS_STATEMENT, rule: 'requests' },
};

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** A table as an export shows it: a header row, then the rows. */
interface Sheet {
  name: string;
  header: string[];
  rows: (string | number)[][];
}

@Injectable()
export class ReportsService {
  /** The dashboard: every chart for the period and region, in four statements. */
  async dashboard(query: DashboardQuery): Promise<Dashboard> {
    const filters = this.filters(query);
    const years = yearsOf(filters);
    // One transaction, one connection: the statements run one after the other.
    // Who sees every event reads the rollups the database keeps; anyone else counts what they see.
    const rolled = this.seesEveryEvent();
    const events = await this.counts(
      rolled ? EVENTS_ROLLUP_STATEMENT : EVENTS_STATEMENT,
      filters,
      'events',
    );
    const participants = await this.counts(
      rolled ? PARTICIPANTS_ROLLUP_STATEMENT : PARTICIPANTS_STATEMENT,
      filters,
      'events',
    );
    const rows: Record<Source, CountRow[]> = {
      events,
      participants,
      deliveries: await this.counts(DELIVERIES_STATEMENT, filters, 'events'),
      requests: await this.counts(REQUESTS_STATEMENT, filters, 'requests'),
    };
    const cells = (counted: CountRow[], dimension: string): Cell[] =>
      counted
        .filter((row) => row.dimension === dimension && row.year !== null && row.key !== null)
        .map((row) => ({ year: row.year ?? 0, key: row.key ?? '', count: row.count }));
    const totalOf = (year: number) =>
      participants.find((row) => row.dimension === 'total' && row.year === year)?.count ?? 0;
    const women = cells(participants, 'sex').filter((cell) => cell.key === 'female');
    const womenShare: DashboardChart = {
      id: 'womenShare',
      ...womenShareTable(
        years,
        years.map((year) => ({
          year,
          women: women.find((cell) => cell.year === year)?.count ?? 0,
          participants: totalOf(year),
        })),
      ),
    };
    // In the order of DASHBOARD_CHARTS, the order the page shows them.
    const charts: DashboardChart[] = DASHBOARD_CHARTS.map((id) => {
      if (id === 'womenShare') return womenShare;
      const chart = CHARTS[id];
      return { id, ...crossTab(years, chart.keys, cells(rows[chart.source], chart.dimension)) };
    });
    const sum = (counted: CountRow[], dimension = 'total') =>
      counted
        .filter((row) => row.dimension === dimension)
        .reduce((total, row) => total + row.count, 0);
    return {
      filters,
      totals: {
        events: sum(events),
        participants: sum(participants),
        states: participants.filter((row) => row.dimension === 'state').length,
        // Each delivery counts once, under its edition's language; each request under its status.
        copies: sum(rows.deliveries, 'language'),
        requests: sum(rows.requests, 'status'),
      },
      charts,
    };
  }

  /** The map's figure per State for the period and region, in one statement. */
  async map(query: DashboardQuery & { metric: MapMetric }): Promise<CoverageMap> {
    const filters = this.filters(query);
    const { manager } = requestContext.current();
    const { rule } = MAP_STATEMENTS[query.metric];
    const statement =
      query.metric === 'participants' && this.seesEveryEvent()
        ? MAP_PARTICIPANTS_ROLLUP_STATEMENT
        : MAP_STATEMENTS[query.metric].statement;
    const rows = await sql(
      manager,
      statement,
      [...this.viewer(rule), ...this.parameters(filters)],
      StateRow,
    );
    const states = rows
      .filter((row) => row.value > 0)
      .map((row) => ({
        code: row.state,
        numeric: ISO_NUMERIC[row.state] ?? '000',
        value: row.value,
      }))
      .sort((a, b) => b.value - a.value || a.code.localeCompare(b.code));
    return {
      filters,
      metric: query.metric,
      states,
      max: states.reduce((max, state) => Math.max(max, state.value), 0),
      total: states.reduce((total, state) => total + state.value, 0),
    };
  }

  /** One chart's table, or the map's, as CSV or XLSX: exactly the figures the page shows. */
  async export(query: DashboardExportQuery): Promise<StreamableFile> {
    const sheet =
      query.chart === 'map'
        ? mapSheet(await this.map(query))
        : chartSheet(
            (await this.dashboard(query)).charts.find((chart) => chart.id === query.chart),
            query.chart,
          );
    const name = `${query.chart}.${query.format}`;
    const body =
      query.format === 'csv' ? Buffer.from(`\uFEFF${toCsv(sheet)}`, 'utf8') : await toXlsx(sheet);
    return new StreamableFile(body, {
      type: CONTENT_TYPES[query.format],
      disposition: `attachment; filename="${name}"`,
    });
  }

  private filters(query: DashboardQuery): DashboardFilters {
    const period = dashboardPeriod(query, new Date().getUTCFullYear(), DASHBOARD_MAX_YEARS);
    return {
      ...period,
      regionalGroup: query.regionalGroup ?? null,
      geographicRegion: query.geographicRegion ?? null,
    };
  }

  private parameters(filters: DashboardFilters): unknown[] {
    return [filters.regionalGroup, filters.geographicRegion, filters.from, filters.to];
  }

  /**
   * Whether the caller sees every event (plans them): their figures of events and participants
   * are the rollups', which hold exactly what the counting statements count for them
   * (dashboard-rollups.int.spec.ts compares).
   */
  private seesEveryEvent(): boolean {
    return this.viewer('events')[2];
  }

  /** The caller as $1–$3, under the events' rule (events, deliveries) or the requests'. */
  private viewer(rule: 'events' | 'requests'): Visibility {
    const { user, tenant } = requestContext.current();
    return rule === 'requests'
      ? requestVisibilityOf(user?.id ?? null, tenant)
      : visibilityOf(user?.id ?? null, tenant);
  }

  private counts(
    statement: string,
    filters: DashboardFilters,
    rule: 'events' | 'requests',
  ): Promise<CountRow[]> {
    const { manager } = requestContext.current();
    return sql(manager, statement, [...this.viewer(rule), ...this.parameters(filters)], CountRow);
  }
}

/** A chart's table: year, a column per key, and the totals row. */
function chartSheet(chart: DashboardChart | undefined, id: string): Sheet {
  if (!chart) return { name: id, header: ['year'], rows: [] };
  return {
    name: id,
    header: ['year', ...chart.keys],
    rows: [
      ...chart.rows.map((row) => [String(row.year), ...row.values]),
      ['total', ...chart.totals],
    ],
  };
}

function mapSheet(map: CoverageMap): Sheet {
  return {
    name: `map-${map.metric}`,
    header: ['state', 'iso_numeric', map.metric],
    rows: [
      ...map.states.map((state) => [state.code, state.numeric, state.value]),
      ['total', '', map.total],
    ],
  };
}

function toCsv(sheet: Sheet): string {
  return [sheet.header, ...sheet.rows]
    .map((row) => row.map((cell) => csvField(String(cell))).join(','))
    .join('\r\n')
    .concat('\r\n');
}

async function toXlsx(sheet: Sheet): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31));
  worksheet.addRow(sheet.header).font = { bold: true };
  for (const row of sheet.rows) worksheet.addRow(row);
  worksheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
