import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';

/**
 * echarts/core with only what this chart draws (the radar, its legend, the SVG renderer),
 * registered here, loaded when the chart first shows, in pieces the bundler keeps apart.
 */
async function loadEcharts() {
  const [core, { RadarChart }, { LegendComponent }, { SVGRenderer }] = await Promise.all([
    import('echarts/core'),
    import('./echarts-radar-parts'),
    import('./echarts-legend-part'),
    import('./echarts-svg-part'),
  ]);
  core.use([RadarChart, LegendComponent, SVGRenderer]);
  return core;
}

/** One line of the chart: a name and a value per axis (null: no score). */
export interface RadarSeries {
  name: string;
  values: (number | null)[];
}

/**
 * The gap scores of an assessment as a radar chart, one axis per thematic area (0 at the
 * centre, 100 at the rim), and the earlier assessment's beside them. Decorative for screen
 * readers, who get the same figures in the table the page puts beside it.
 */
@Component({
  selector: 'cv-assessment-radar',
  imports: [NgxEchartsDirective],
  providers: [provideEchartsCore({ echarts: loadEcharts })],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div
    echarts
    class="as-chart"
    aria-hidden="true"
    [options]="options()"
    [initOpts]="{ renderer: 'svg' }"
    [autoResize]="true"
  ></div>`,
  styles: `
    :host {
      display: block;
    }
    .as-chart {
      width: 100%;
      height: 360px;
    }
  `,
})
export class AssessmentRadar {
  /** The axes' names, in the reader's language. */
  readonly axes = input.required<string[]>();
  readonly series = input.required<RadarSeries[]>();
  readonly rtl = input(false);

  protected readonly options = computed(() => {
    const colours = ['#b3261e', '#1f6feb'];
    return {
      color: colours,
      legend: { bottom: 0, data: this.series().map((line) => line.name) },
      radar: {
        indicator: this.axes().map((name) => ({
          name: name.length > 22 ? `${name.slice(0, 21)}…` : name,
          max: 100,
          min: 0,
        })),
        radius: '62%',
        center: ['50%', '47%'],
        axisName: { color: '#44474e', fontSize: 11 },
        splitNumber: 4,
      },
      series: [
        {
          type: 'radar',
          data: this.series().map((line, index) => ({
            name: line.name,
            value: line.values.map((value) => value ?? 0),
            areaStyle: { opacity: index === 0 ? 0.25 : 0.08 },
            lineStyle: { type: index === 0 ? 'solid' : 'dashed' },
          })),
        },
      ],
    };
  });
}
