/** See echarts-radar-parts.ts: the SVG renderer, alone. */
export { SVGRenderer } from 'echarts/renderers';
