import { z } from 'zod';
import { Uuid } from './common';
import {
  DASHBOARD_CHARTS,
  DASHBOARD_EXPORT_FORMATS,
  MAP_EXPORT,
  MAP_METRICS,
} from './dashboard-vocabulary';
import { EventStatus, EventType, ThematicArea } from './events';
import { InvitationStatus } from './invitations';
import {
  Alpha3,
  Alpha3Code,
  GeographicRegion,
  MEMBER_STATE_CODES,
  RegionalGroup,
} from './member-states';
import { RecommendationStatus } from './recommendations';
import {
  int32,
  MAX_YEAR,
  MIN_YEAR,
  multiLineText,
  patternText,
  singleLineText,
  Timestamp,
} from './text';

/** An ISO 3166-1 numeric code, three digits. */
const IsoNumeric = patternText(3, /^\d{3}$/, 'not an ISO 3166-1 numeric code');

/*
 * The dashboard, the coverage map and the State page (docs/reports.md): aggregates only, never a
 * person. The vocabulary (chart ids, metrics) is in dashboard-vocabulary.ts, free of zod.
 */

/** The widest period a request may ask for, in years. */
export const DASHBOARD_MAX_YEARS = 30;

const count = int32(z.number().int().min(0).max(2_147_483_647));
const Year = int32(z.coerce.number().int().min(MIN_YEAR).max(MAX_YEAR));

const filterShape = {
  /** First year of the period (the year an event started, at its venue). */
  from: Year.optional(),
  /** Last year of the period, included. */
  to: Year.optional(),
  /** Only States of this UN regional group (the group a State counts in). */
  regionalGroup: RegionalGroup.optional(),
  /** Only States of this UN M49 geographic region. */
  geographicRegion: GeographicRegion.optional(),
};

type Period = { from?: number | undefined; to?: number | undefined };
const ordered = (value: Period) =>
  value.from === undefined || value.to === undefined || value.from <= value.to;
const narrow = (value: Period) =>
  value.from === undefined || value.to === undefined || value.to - value.from < DASHBOARD_MAX_YEARS;
const periodRules = <T extends z.ZodType<Period>>(schema: T) =>
  schema.refine(ordered, { message: 'from must not be after to', path: ['from'] }).refine(narrow, {
    message: `a period of at most ${DASHBOARD_MAX_YEARS} years`,
    path: ['to'],
  });

export const DashboardQuery = periodRules(z.strictObject(filterShape));
export type DashboardQuery = z.infer<typeof DashboardQuery>;

export const MapMetric = z.enum(MAP_METRICS);
export type MapMetric = z.infer<typeof MapMetric>;
export const MapQuery = periodRules(
  z.strictObject({ ...filterShape, metric: MapMetric.default('participants') }),
);
export type MapQuery = z.infer<typeof MapQuery>;

export const DashboardChartId = z.enum(DASHBOARD_CHARTS);
export type DashboardChartId = z.infer<typeof DashboardChartId>;
export const DashboardExportQuery = periodRules(
  z.strictObject({
    ...filterShape,
    /** A chart of the dashboard, or the map's table. */
    chart: z.enum([...DASHBOARD_CHARTS, MAP_EXPORT]),
    /** For the map's table: which figure. */
    metric: MapMetric.default('participants'),
    format: z.enum(DASHBOARD_EXPORT_FORMATS),
  }),
);
export type DashboardExportQuery = z.infer<typeof DashboardExportQuery>;

/** The period and region a response was computed for (defaults filled in). */
export const DashboardFilters = z.strictObject({
  from: Year,
  to: Year,
  regionalGroup: RegionalGroup.nullable(),
  geographicRegion: GeographicRegion.nullable(),
});
export type DashboardFilters = z.infer<typeof DashboardFilters>;

/**
 * One chart as its table: a row per year of the period (every year, zeros included), a column
 * per key (every key of the vocabulary, in its order, then `none` where it applies), and the
 * column totals. The share of women has the columns women, participants, sharePercent (one
 * decimal; null-like 0 when nobody took part, with participants 0 telling the two apart).
 */
export const DashboardChart = z.strictObject({
  id: DashboardChartId,
  keys: z.array(singleLineText(64)).max(64),
  rows: z
    .array(z.strictObject({ year: Year, values: z.array(z.number().min(0)).max(64) }))
    .max(DASHBOARD_MAX_YEARS),
  totals: z.array(z.number().min(0)).max(64),
});
export type DashboardChart = z.infer<typeof DashboardChart>;

export const Dashboard = z.strictObject({
  filters: DashboardFilters,
  /**
   * Events counted (past draft, not cancelled), participants trained and the States they came
   * from, copies of the tool delivered and requests submitted, in the period and region.
   */
  totals: z.strictObject({
    events: count,
    participants: count,
    states: count,
    copies: count,
    requests: count,
  }),
  charts: z.array(DashboardChart).max(DASHBOARD_CHARTS.length),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const CoverageMap = z.strictObject({
  filters: DashboardFilters,
  metric: MapMetric,
  /** Every State with a figure above zero, by code; the others are zero. */
  states: z
    .array(z.strictObject({ code: Alpha3Code, numeric: IsoNumeric, value: count }))
    .max(MEMBER_STATE_CODES.length),
  max: count,
  total: count,
});
export type CoverageMap = z.infer<typeof CoverageMap>;

export const StateOverviewQuery = z.strictObject({ state: Alpha3 });
export type StateOverviewQuery = z.infer<typeof StateOverviewQuery>;

/** How many of each list the State page shows (the newest). */
export const STATE_PAGE_LIST_MAX = 100;

export const StateOverview = z.strictObject({
  state: Alpha3Code,
  numeric: IsoNumeric,
  /** Participants trained from the State, by sex, at the events the caller may see. */
  participants: z.strictObject({
    total: count,
    bySex: z.array(z.strictObject({ key: z.enum(['female', 'male', 'other']), count })).max(3),
    /** 0..1, null when nobody was trained. */
    womenShare: z.number().min(0).max(1).nullable(),
  }),
  /** The State's events: hosted, held in it, invited to, or with its participants. */
  events: z
    .array(
      z.strictObject({
        id: Uuid,
        title: singleLineText(200),
        type: EventType,
        status: EventStatus,
        startsAt: Timestamp,
        timeZone: singleLineText(64),
        hosted: z.boolean(),
        invitation: InvitationStatus.nullable(),
        participants: count,
      }),
    )
    .max(STATE_PAGE_LIST_MAX),
  eventsTotal: count,
  invitations: z.strictObject({ total: count, accepted: count, declined: count, pending: count }),
  recommendations: z
    .array(
      z.strictObject({
        id: Uuid,
        eventId: Uuid,
        eventTitle: singleLineText(200),
        number: int32(z.number().int().min(1).max(100_000)),
        text: multiLineText(4000),
        thematicArea: ThematicArea,
        status: RecommendationStatus,
      }),
    )
    .max(STATE_PAGE_LIST_MAX),
  recommendationsTotal: count,
});
export type StateOverview = z.infer<typeof StateOverview>;
