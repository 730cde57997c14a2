import { type EnvironmentProviders, inject, provideEnvironmentInitializer } from '@angular/core';
import { MatIconRegistry } from '@angular/material/icon';
import { DomSanitizer } from '@angular/platform-browser';
import { ICON_SVGS } from './icons.generated';

/**
 * Registers the app's icons, so `<mat-icon svgIcon="event" />` draws the outlined Material
 * Symbol inline: no icon font to download, only the few icons used (icons.generated.ts, written
 * by `npm run icons`). The SVGs are constants from @material-symbols/svg-400 at build time,
 * never user input, so they are trusted as they are.
 */
export function registerIcons(registry: MatIconRegistry, sanitizer: DomSanitizer): void {
  for (const [name, svg] of Object.entries(ICON_SVGS)) {
    registry.addSvgIconLiteral(name, sanitizer.bypassSecurityTrustHtml(svg));
  }
}

export function provideIcons(): EnvironmentProviders {
  return provideEnvironmentInitializer(() =>
    registerIcons(inject(MatIconRegistry), inject(DomSanitizer)),
  );
}
