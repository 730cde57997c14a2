/*
 * The dashboard's vocabulary (docs/reports.md), zod-free so the web imports it without zod.
 */

/**
 * The charts of the dashboard, in the order the page shows them. Each is a table of years
 * (rows) by the keys of one vocabulary (columns); the export of a chart is that table.
 * A chart is an id here and a query in the API: copies of the tool delivered per year by the
 * edition's language (tool deliveries' quantity), assistance requests per year submitted by
 * where they stand now (never a draft), and the open ones among them by how long ago they were
 * submitted (`REQUEST_AGE_BANDS`).
 */
export const DASHBOARD_CHARTS = [
  'eventsByType',
  'eventsByRegion',
  'eventsByThematicArea',
  'participantsBySex',
  'participantsByAudience',
  'participantsByInstitutionType',
  'participantsByRegion',
  'participantsByRegionalGroup',
  'womenShare',
  'toolCopiesByLanguage',
  'requestsByStatus',
  'requestsByAge',
] as const;

/**
 * How long ago an open request (not completed, declined or withdrawn) was first submitted, in
 * days counted at the time of the request: under 30, 30–89, 90–179, 180–364, a year or more.
 */
export const REQUEST_AGE_BANDS = [
  'under_30_days',
  'days_30_to_89',
  'days_90_to_179',
  'days_180_to_364',
  'year_or_more',
] as const;

/** The columns of the share-of-women table, per year. */
export const WOMEN_SHARE_KEYS = ['women', 'participants', 'sharePercent'] as const;

/**
 * What the map can colour States by. "participants": participants trained (approved and checked
 * in on at least one day) from the State. "events": events held in or hosted by the State.
 * "copies": copies of the tool delivered to the State (the deliveries' quantity). "requests":
 * assistance requests the State submitted (never a draft).
 */
export const MAP_METRICS = ['participants', 'events', 'copies', 'requests'] as const;

/** Where an event is counted: its venue's State, or its first host State; none when virtual. */
export const NO_REGION = 'none' as const;

export const DASHBOARD_EXPORT_FORMATS = ['csv', 'xlsx'] as const;

/** The export of the map's table, beside the charts'. */
export const MAP_EXPORT = 'map' as const;
