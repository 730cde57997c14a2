import type { Injector } from '@angular/core';
import { MatIconRegistry } from '@angular/material/icon';
import { DomSanitizer } from '@angular/platform-browser';
import { ICON_SVGS } from './icons.generated';
import { LATER_ICON_SVGS } from './icons-later.generated';
import { SHELL_ICON_SVGS } from './icons-shell.generated';

const filled = new WeakSet<MatIconRegistry>();

/**
 * Puts the app's whole icon set in Material's MatIconRegistry, once, for the pages that still
 * draw Material's MatIcon (see withMaterialIcons in icon-registry.ts). The SVGs are build-time constants
 * from @material-symbols/svg-400, never user input, so they are trusted as they are.
 */
export function fillMaterialIconRegistry(injector: Injector): void {
  const registry = injector.get(MatIconRegistry);
  if (filled.has(registry)) return;
  filled.add(registry);
  const sanitizer = injector.get(DomSanitizer);
  const all: Record<string, string | undefined> = {
    ...LATER_ICON_SVGS,
    ...SHELL_ICON_SVGS,
    ...ICON_SVGS,
  };
  for (const [name, svg] of Object.entries(all)) {
    if (svg !== undefined) registry.addSvgIconLiteral(name, sanitizer.bypassSecurityTrustHtml(svg));
  }
}
