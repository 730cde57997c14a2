import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { FilterPanel } from './filter-panel.component';
import { setViewportWidth } from './viewport.testing';

@Component({
  imports: [FilterPanel],
  template: `<cv-filter-panel [active]="active()"
    ><label>Status <input /></label
  ></cv-filter-panel>`,
})
class Host {
  readonly active = signal(0);
}

function setUp(width: number, active = 0) {
  setViewportWidth(width);
  TestBed.configureTestingModule({
    imports: [
      Host,
      TranslocoTestingModule.forRoot({
        langs: {
          en: { common: { filters: 'Filters', filtersActive: 'Filters ({{count}} active)' } },
        },
        translocoConfig: { availableLangs: ['en'], defaultLang: 'en' },
      }),
    ],
  });
  const fixture = TestBed.createComponent(Host);
  fixture.componentInstance.active.set(active);
  fixture.detectChanges();
  const element = fixture.nativeElement as HTMLElement;
  const body = () => element.querySelector<HTMLElement>('.cv-filter-panel__body');
  const toggle = () => element.querySelector<HTMLButtonElement>('button');
  return { fixture, body, toggle };
}

describe('the filter panel', () => {
  afterEach(() => {
    delete (window as { matchMedia?: unknown }).matchMedia;
  });

  it('shows the filters on a wide screen, with nothing to press', () => {
    const { body, toggle } = setUp(1366, 2);
    expect(toggle()).toBeNull();
    expect(body()?.hidden).toBe(false);
  });

  it('folds the filters away on a phone behind a button that says it is collapsed', () => {
    const { body, toggle } = setUp(390);
    expect(toggle()?.textContent?.trim()).toBe('Filters');
    expect(toggle()?.getAttribute('aria-expanded')).toBe('false');
    expect(toggle()?.getAttribute('aria-controls')).toBe(body()?.id);
    expect(body()?.hidden).toBe(true);
  });

  it('shows and hides them again when pressed', () => {
    const { fixture, body, toggle } = setUp(390);
    toggle()?.click();
    fixture.detectChanges();
    expect(toggle()?.getAttribute('aria-expanded')).toBe('true');
    expect(body()?.hidden).toBe(false);
    toggle()?.click();
    fixture.detectChanges();
    expect(toggle()?.getAttribute('aria-expanded')).toBe('false');
    expect(body()?.hidden).toBe(true);
  });

  it('says how many of the folded filters are set', () => {
    const { fixture, toggle } = setUp(390, 2);
    expect(toggle()?.textContent?.trim()).toBe('Filters (2 active)');
    fixture.componentInstance.active.set(0);
    fixture.detectChanges();
    expect(toggle()?.textContent?.trim()).toBe('Filters');
  });
});
