import type { Injector } from '@angular/core';
import { MatIconRegistry } from '@angular/material/icon';
import { DomSanitizer } from '@angular/platform-browser';
import { IconRegistry } from './icon-registry';

const filled = new WeakSet<MatIconRegistry>();

/**
 * Puts the app's whole icon set, as the IconRegistry holds it once every part has arrived, in
 * Material's MatIconRegistry, once, for the pages that still draw Material's MatIcon (see
 * withMaterialIcons in icon-registry.ts). The SVGs are build-time constants from
 * @material-symbols/svg-400 served by our own origin, never user input, so they are trusted as
 * they are.
 */
export function fillMaterialIconRegistry(injector: Injector): void {
  const registry = injector.get(MatIconRegistry);
  if (filled.has(registry)) return;
  filled.add(registry);
  const sanitizer = injector.get(DomSanitizer);
  for (const [name, svg] of injector.get(IconRegistry).entries()) {
    registry.addSvgIconLiteral(name, sanitizer.bypassSecurityTrustHtml(svg));
  }
}
