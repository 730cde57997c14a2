import type { DashboardChart } from '@convene/contracts';
import type { EChartsCoreOption } from 'echarts/core';
import { CHART_COLOURS } from './chart-labels';

/**
 * A chart's echarts option: stacked bars per year, a series per key that counted something (the
 * table lists every key); the share of women is a line of its percentages. Right to left, the
 * years run from the right. `label` names a key in the reader's language.
 */
export function chartOption(
  chart: DashboardChart,
  label: (key: string) => string,
  rtl: boolean,
  locale: string,
): EChartsCoreOption {
  const years = chart.rows.map((row) => String(row.year));
  const number = new Intl.NumberFormat(locale, { numberingSystem: 'latn' });
  const common = {
    color: CHART_COLOURS,
    animation: false,
    textStyle: { fontFamily: 'inherit' },
    grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', confine: true, extraCssText: rtl ? 'direction: rtl;' : '' },
    xAxis: { type: 'category', data: years, inverse: rtl },
  };
  if (chart.id === 'womenShare') {
    const share = chart.keys.indexOf('sharePercent');
    return {
      ...common,
      yAxis: {
        type: 'value',
        min: 0,
        max: 100,
        position: rtl ? 'right' : 'left',
        axisLabel: { formatter: (value: number) => `${number.format(value)}%` },
      },
      series: [
        {
          type: 'line',
          name: label('sharePercent'),
          data: chart.rows.map((row) => row.values[share] ?? 0),
          symbolSize: 8,
          label: {
            show: true,
            formatter: (params: { value: unknown }) => `${number.format(Number(params.value))}%`,
          },
        },
      ],
    };
  }
  const counted = chart.keys
    .map((key, index) => ({ key, index }))
    .filter(({ index }) => (chart.totals[index] ?? 0) > 0);
  return {
    ...common,
    legend: {
      bottom: 0,
      type: 'scroll',
      itemGap: 16,
      // The swatch before its label in the reading direction.
      align: rtl ? 'right' : 'auto',
      textStyle: { width: 140, overflow: 'truncate' },
      data: counted.map(({ key }) => label(key)),
    },
    grid: { ...common.grid, bottom: 36 },
    yAxis: { type: 'value', minInterval: 1, position: rtl ? 'right' : 'left' },
    series: counted.map(({ key, index }) => ({
      type: 'bar',
      stack: 'total',
      name: label(key),
      barMaxWidth: 48,
      data: chart.rows.map((row) => row.values[index] ?? 0),
    })),
  };
}
