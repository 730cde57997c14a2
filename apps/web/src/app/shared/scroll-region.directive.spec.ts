import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ScrollRegion } from './scroll-region.directive';

@Component({
  imports: [ScrollRegion],
  template: `<div cvScrollRegion="People"><table></table></div>`,
})
class Host {}

/** jsdom lays nothing out: the widths a browser would measure are given. */
function widths(element: HTMLElement, scrollWidth: number, clientWidth: number): void {
  Object.defineProperty(element, 'scrollWidth', { configurable: true, value: scrollWidth });
  Object.defineProperty(element, 'clientWidth', { configurable: true, value: clientWidth });
}

async function render(scrollWidth: number, clientWidth: number) {
  const fixture = TestBed.createComponent(Host);
  const box = (fixture.nativeElement as HTMLElement).querySelector('div') as HTMLElement;
  widths(box, scrollWidth, clientWidth);
  fixture.detectChanges();
  await fixture.whenStable();
  fixture.detectChanges();
  return box;
}

describe('a box that may scroll sideways', () => {
  it('is a named, focusable region while its content is wider than it', async () => {
    const box = await render(900, 400);
    expect(box.getAttribute('tabindex')).toBe('0');
    expect(box.getAttribute('role')).toBe('region');
    expect(box.getAttribute('aria-label')).toBe('People');
  });

  it('stays a plain box, out of the tab order, while everything fits', async () => {
    const box = await render(400, 400);
    expect(box.hasAttribute('tabindex')).toBe(false);
    expect(box.hasAttribute('role')).toBe(false);
    expect(box.hasAttribute('aria-label')).toBe(false);
  });
});
