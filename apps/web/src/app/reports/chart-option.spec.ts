import type { DashboardChart } from '@convene/contracts';
import { chartKeyLabel } from './chart-labels';
import { chartOption } from './chart-option';

interface Series {
  type: string;
  name: string;
  data: number[];
  stack?: string;
}

const bySex: DashboardChart = {
  id: 'participantsBySex',
  keys: ['female', 'male', 'other'],
  rows: [
    { year: 2025, values: [1, 2, 0] },
    { year: 2026, values: [3, 0, 0] },
  ],
  totals: [4, 2, 0],
};

describe('chartOption', () => {
  it('stacks a bar series per key that counted something, a value per year', () => {
    const option = chartOption(bySex, (key) => `label:${key}`, false, 'en');
    const series = option['series'] as Series[];
    expect(series.map((one) => [one.type, one.name, one.data, one.stack])).toEqual([
      ['bar', 'label:female', [1, 3], 'total'],
      ['bar', 'label:male', [2, 0], 'total'],
    ]);
    expect(option['xAxis']).toEqual({ type: 'category', data: ['2025', '2026'], inverse: false });
  });

  it('runs the years from the right, the value axis on the right, right to left', () => {
    const option = chartOption(bySex, (key) => key, true, 'ar');
    expect((option['xAxis'] as { inverse: boolean }).inverse).toBe(true);
    expect((option['yAxis'] as { position: string }).position).toBe('right');
  });

  it('draws the share of women as a line of its percentages', () => {
    const share: DashboardChart = {
      id: 'womenShare',
      keys: ['women', 'participants', 'sharePercent'],
      rows: [
        { year: 2025, values: [1, 3, 33.3] },
        { year: 2026, values: [0, 0, 0] },
      ],
      totals: [1, 3, 33.3],
    };
    const series = chartOption(share, (key) => key, false, 'en')['series'] as Series[];
    expect(series).toHaveLength(1);
    expect(series[0]?.type).toBe('line');
    expect(series[0]?.data).toEqual([33.3, 0]);
  });
});

describe('chartKeyLabel', () => {
  it("names each chart's keys from the app's vocabularies", () => {
    expect(chartKeyLabel('eventsByType', 'webinar')).toBe('events.types.webinar');
    expect(chartKeyLabel('eventsByRegion', 'none')).toBe('reports.noRegion');
    expect(chartKeyLabel('participantsByRegion', 'asia')).toBe('geographicRegions.asia');
    expect(chartKeyLabel('participantsByRegionalGroup', 'none')).toBe('regions.none');
    expect(chartKeyLabel('participantsBySex', 'female')).toBe('participation.sexes.female');
    expect(chartKeyLabel('womenShare', 'sharePercent')).toBe('reports.womenShare.sharePercent');
    expect(chartKeyLabel('toolCopiesByLanguage', 'ar')).toBe('delivery.languages.ar');
    expect(chartKeyLabel('requestsByStatus', 'in_assessment')).toBe(
      'requests.statuses.in_assessment',
    );
    expect(chartKeyLabel('requestsByAge', 'year_or_more')).toBe('reports.requestAges.year_or_more');
  });
});
