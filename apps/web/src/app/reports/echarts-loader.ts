import type { EchartsCore } from './echart.component';

/*
 * echarts comes in its own lazy chunks, only on the pages that draw charts. It is loaded in
 * parts: zrender (the drawing layer), echarts' graphic and model cores, echarts/core, the
 * tooltip (both pages use it), and the page's charts,
 * each a separate import so that the bundler makes separate chunks of them, each under the
 * per-script budget (apps/web/project.json) that echarts in one piece would exceed. They load in
 * parallel; the page's module (echarts/core with only its charts and components) is the one used.
 */

const parts = () =>
  Promise.all([
    import('zrender/lib/zrender.js'),
    import('echarts/lib/util/graphic.js'),
    import('echarts/lib/model/Global.js'),
    import('echarts/core'),
    import('echarts/lib/component/tooltip/install.js'),
  ]);

/** echarts/core with bar and line charts, a grid, a legend and tooltips. */
export async function loadDashboardEcharts(): Promise<EchartsCore> {
  const [, module] = await Promise.all([parts(), import('./dashboard.echarts')]);
  return module.dashboardEcharts;
}

/** echarts/core with the map series, its visual map (the legend) and tooltips. */
export async function loadMapEcharts(): Promise<EchartsCore> {
  const [, module] = await Promise.all([parts(), import('./map.echarts')]);
  return module.mapEcharts;
}
