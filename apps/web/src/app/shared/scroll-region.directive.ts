import {
  afterNextRender,
  DestroyRef,
  Directive,
  ElementRef,
  inject,
  input,
  signal,
} from '@angular/core';

/**
 * A box that may scroll sideways (a wide table in a narrow window): while it does, it is a named
 * region that takes keyboard focus, so the arrow keys can scroll it (WCAG 2.1.1; axe's
 * scrollable-region-focusable); while everything fits, it is a plain box, out of the tab order.
 */
@Directive({
  selector: '[cvScrollRegion]',
  host: {
    '[attr.tabindex]': 'scrolls() ? 0 : null',
    '[attr.role]': "scrolls() ? 'region' : null",
    '[attr.aria-label]': 'scrolls() ? cvScrollRegion() : null',
  },
})
export class ScrollRegion {
  /** The region's name (already translated), said when it takes focus. */
  readonly cvScrollRegion = input.required<string>();

  protected readonly scrolls = signal(false);

  constructor() {
    const element = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      const measure = () => this.scrolls.set(element.scrollWidth > element.clientWidth + 1);
      measure();
      if (typeof ResizeObserver === 'undefined') return;
      const observer = new ResizeObserver(measure);
      observer.observe(element);
      for (const child of Array.from(element.children)) observer.observe(child);
      destroyRef.onDestroy(() => observer.disconnect());
    });
  }
}
