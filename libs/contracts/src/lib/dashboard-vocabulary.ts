/*
 * The dashboard's vocabulary (docs/reports.md), zod-free so the web imports it without zod.
 */

/**
 * The charts of the dashboard, in the order the page shows them. Each is a table of years
 * (rows) by the keys of one vocabulary (columns); the export of a chart is that table.
 * A chart is an id here and a query in the API: copies of the tool delivered per year by the
 * edition's language (tool deliveries' quantity), and assistance requests per year submitted by
 * where they stand now (never a draft).
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
