import {
  type CoverageMap,
  type Dashboard,
  type DashboardChart,
  type DashboardChartId,
  type DashboardExportQuery,
  type DashboardFilters,
  type DashboardQuery,
  DASHBOARD_MAX_YEARS,
  EVENT_TYPES,
  GEOGRAPHIC_REGIONS,
  INSTITUTION_TYPES,
  ISO_NUMERIC,
  type MapMetric,
  NO_REGION,
  REGIONAL_GROUPS,
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
import { visibilityOf } from '../events/event-visibility';
import { csvField } from '../participation/exports.service';
import {
  EVENTS_STATEMENT,
  MAP_EVENTS_STATEMENT,
  MAP_PARTICIPANTS_STATEMENT,
  PARTICIPANTS_STATEMENT,
} from './dashboard.query';

const CountRow = z.strictObject({
  dimension: z.string(),
  year: z.number().int().nullable(),
  key: z.string().nullable(),
  count: z.number().int(),
});
type CountRow = z.infer<typeof CountRow>;

const StateRow = z.strictObject({ state: z.string(), value: z.number().int() });

/** A chart's table: the keys it shows, from which dimension of which statement. */
const CHARTS: Record<
  Exclude<DashboardChartId, 'womenShare'>,
  { source: 'events' | 'participants'; dimension: string; keys: readonly string[] }
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
  /** The dashboard: every chart for the period and region, in two statements. */
  async dashboard(query: DashboardQuery): Promise<Dashboard> {
    const filters = this.filters(query);
    const years = yearsOf(filters);
    // One transaction, one connection: the two statements run one after the other.
    const events = await this.counts(EVENTS_STATEMENT, filters);
    const participants = await this.counts(PARTICIPANTS_STATEMENT, filters);
    const cells = (rows: CountRow[], dimension: string): Cell[] =>
      rows
        .filter((row) => row.dimension === dimension && row.year !== null && row.key !== null)
        .map((row) => ({ year: row.year ?? 0, key: row.key ?? '', count: row.count }));
    const charts: DashboardChart[] = Object.entries(CHARTS).map(([id, chart]) => ({
      id: id as DashboardChartId,
      ...crossTab(
        years,
        chart.keys,
        cells(chart.source === 'events' ? events : participants, chart.dimension),
      ),
    }));
    const totalOf = (year: number) =>
      participants.find((row) => row.dimension === 'total' && row.year === year)?.count ?? 0;
    const women = cells(participants, 'sex').filter((cell) => cell.key === 'female');
    charts.push({
      id: 'womenShare',
      ...womenShareTable(
        years,
        years.map((year) => ({
          year,
          women: women.find((cell) => cell.year === year)?.count ?? 0,
          participants: totalOf(year),
        })),
      ),
    });
    const sum = (rows: CountRow[]) =>
      rows.filter((row) => row.dimension === 'total').reduce((total, row) => total + row.count, 0);
    return {
      filters,
      totals: {
        events: sum(events),
        participants: sum(participants),
        states: participants.filter((row) => row.dimension === 'state').length,
      },
      charts,
    };
  }

  /** The map's figure per State for the period and region, in one statement. */
  async map(query: DashboardQuery & { metric: MapMetric }): Promise<CoverageMap> {
    const filters = this.filters(query);
    const { manager, user, tenant } = requestContext.current();
    const rows = await sql(
      manager,
      query.metric === 'events' ? MAP_EVENTS_STATEMENT : MAP_PARTICIPANTS_STATEMENT,
      [...visibilityOf(user?.id ?? null, tenant), ...this.parameters(filters)],
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

  private counts(statement: string, filters: DashboardFilters): Promise<CountRow[]> {
    const { manager, user, tenant } = requestContext.current();
    return sql(
      manager,
      statement,
      [...visibilityOf(user?.id ?? null, tenant), ...this.parameters(filters)],
      CountRow,
    );
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
