import type { DashboardChartId } from '@convene/contracts';

/** The translation key of a chart's column (a vocabulary's key), as its table and legend say it. */
export function chartKeyLabel(chart: DashboardChartId, key: string): string {
  switch (chart) {
    case 'eventsByType':
      return `events.types.${key}`;
    case 'eventsByRegion':
    case 'participantsByRegion':
      return key === 'none' ? 'reports.noRegion' : `geographicRegions.${key}`;
    case 'eventsByThematicArea':
      return `events.thematicAreas.${key}`;
    case 'participantsBySex':
      return `participation.sexes.${key}`;
    case 'participantsByAudience':
      return `events.audiences.${key}`;
    case 'participantsByInstitutionType':
      return `participation.institutionTypes.${key}`;
    case 'participantsByRegionalGroup':
      return `regions.${key}`;
    case 'womenShare':
      return `reports.womenShare.${key}`;
    case 'toolCopiesByLanguage':
      return `delivery.languages.${key}`;
    case 'requestsByStatus':
      return `requests.statuses.${key}`;
    case 'requestsByAge':
      return `reports.requestAges.${key}`;
  }
}

/** A palette that tells series apart for most colour vision (Okabe–Ito, then two more). */
export const CHART_COLOURS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
  '#7F7F7F',
  '#8C564B',
  '#17BECF',
  '#BCBD22',
];
