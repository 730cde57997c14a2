import { MapChart } from 'echarts/charts';
import { TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

/** echarts for the coverage map: the map series, its legend (visual map) and tooltips only. */
echarts.use([MapChart, VisualMapComponent, TooltipComponent, SVGRenderer]);

export { echarts as mapEcharts };
