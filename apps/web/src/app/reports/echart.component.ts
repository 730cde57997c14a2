import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';

/** What the chart modules give: echarts/core with the charts and components registered. */
export type EchartsCore = typeof import('echarts/core');

/**
 * One echarts chart drawn in its element, resized with it. The page passes the echarts module it
 * built (echarts/core with only the charts and components it uses, in its lazy chunk) and the
 * option; the chart is decoration for sighted readers: its table says the same (aria-hidden here).
 */
@Component({
  selector: 'cv-echart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '',
  // echarts places every mark and label itself (the option mirrors the axes for Arabic); in a
  // right-to-left box its SVG text would also start from the right of where echarts put it,
  // over the legend's colour swatches.
  host: { 'aria-hidden': 'true', class: 'cv-echart', dir: 'ltr' },
  styles: `
    :host {
      display: block;
      inline-size: 100%;
      block-size: var(--cv-echart-height, 280px);
    }
  `,
})
export class EChart {
  readonly echarts = input.required<EchartsCore>();
  readonly option = input.required<EChartsCoreOption>();
  /** A click on a data item: its name (a State's code on the map). */
  readonly itemClick = output<string>();

  private readonly element = inject(ElementRef<HTMLElement>);
  private readonly chart = signal<EChartsType | null>(null);

  constructor() {
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      const host = this.element.nativeElement as HTMLElement;
      const chart = this.echarts().init(host, undefined, { renderer: 'svg' });
      chart.on('click', (params) => {
        const name = (params as { name?: unknown }).name;
        if (typeof name === 'string' && name) this.itemClick.emit(name);
      });
      const observer = new ResizeObserver(() => chart.resize());
      observer.observe(host);
      this.chart.set(chart);
      destroyRef.onDestroy(() => {
        observer.disconnect();
        chart.dispose();
      });
    });
    effect(() => {
      const chart = this.chart();
      const option = this.option();
      chart?.setOption(option, { notMerge: true });
    });
  }
}
