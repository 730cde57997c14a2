import type { GeographicRegion, MapMetric, RegionalGroup } from '@convene/contracts';

/** The period and region every figure of the dashboard and the map is asked for. */
export interface ReportFilter {
  from: number;
  to: number;
  regionalGroup: RegionalGroup | null;
  geographicRegion: GeographicRegion | null;
}

const enc = encodeURIComponent;

/** The filter as a query string (without the "?"), in a stable order. */
export function filterQuery(filter: ReportFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  params.set('from', String(filter.from));
  params.set('to', String(filter.to));
  if (filter.regionalGroup) params.set('regionalGroup', filter.regionalGroup);
  if (filter.geographicRegion) params.set('geographicRegion', filter.geographicRegion);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}

/** The addresses of /api/t/:tenant/dashboard, its map, its exports and a State's page. */
export const reportUrls = {
  dashboard: (tenant: string, filter: ReportFilter) =>
    `/api/t/${enc(tenant)}/dashboard?${filterQuery(filter)}`,
  map: (tenant: string, filter: ReportFilter, metric: MapMetric) =>
    `/api/t/${enc(tenant)}/dashboard/map?${filterQuery(filter, { metric })}`,
  /** A chart's table (or the map's, chart "map") as a file: a link the browser downloads. */
  export: (
    tenant: string,
    filter: ReportFilter,
    chart: string,
    format: 'csv' | 'xlsx',
    metric?: MapMetric,
  ) =>
    `/api/t/${enc(tenant)}/dashboard/export?${filterQuery(filter, {
      chart,
      format,
      ...(metric ? { metric } : {}),
    })}`,
  state: (tenant: string, code: string) =>
    `/api/t/${enc(tenant)}/state-overview?state=${enc(code)}`,
};
