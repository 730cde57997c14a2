/*
 * Three of echarts' inner modules, imported only to cut echarts into chunks (echarts-loader.ts):
 * nothing of them is used, so they are declared without exports.
 */
declare module 'echarts/lib/util/graphic.js' {
  export {};
}
declare module 'echarts/lib/model/Global.js' {
  export {};
}
declare module 'echarts/lib/component/tooltip/install.js' {
  export {};
}
