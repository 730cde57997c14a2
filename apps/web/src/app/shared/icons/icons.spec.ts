import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatIconModule } from '@angular/material/icon';
import { ICON_SVGS } from './icons.generated';
import { provideIcons } from './icons';

@Component({
  imports: [MatIconModule],
  template: `<mat-icon svgIcon="arrow_forward" /><mat-icon svgIcon="event" />`,
})
class Host {}

describe('the icon set', () => {
  it('draws a registered icon as inline SVG, with no icon font', async () => {
    TestBed.configureTestingModule({ providers: [provideIcons()] });
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    await fixture.whenStable();
    const [arrow, event] = Array.from(
      (fixture.nativeElement as HTMLElement).querySelectorAll('mat-icon'),
    );
    expect(event?.querySelector('svg path')?.getAttribute('d')).toBeTruthy();
    expect(event?.textContent).toBe('');
    expect(event?.classList).not.toContain('material-symbols-outlined');
    // Mirrored in right-to-left pages by styles.scss.
    expect(arrow?.querySelector('svg')?.classList).toContain('cv-icon-directional');
    expect(event?.querySelector('svg')?.classList).not.toContain('cv-icon-directional');
  });

  it('holds well-formed SVG for every icon', () => {
    for (const [name, svg] of Object.entries(ICON_SVGS)) {
      const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
      expect({ name, error: parsed.querySelector('parsererror') }).toEqual({ name, error: null });
      expect(parsed.documentElement.getAttribute('viewBox')).toBe('0 -960 960 960');
    }
  });
});
