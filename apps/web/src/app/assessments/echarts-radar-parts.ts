/*
 * The parts of echarts the radar chart draws with, each behind its own dynamic import in
 * assessment-radar.component.ts so that the bundler splits echarts (440 kB in all) into chunks
 * each within the app's budget for one script. Re-exported by name from small modules: a dynamic
 * import of 'echarts/charts' itself would bring every chart.
 */
export { RadarChart } from 'echarts/charts';
