/** See echarts-radar-parts.ts: the legend, alone. */
export { LegendComponent } from 'echarts/components';
