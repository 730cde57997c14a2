import {
  type EnvironmentProviders,
  inject,
  Injector,
  makeEnvironmentProviders,
  provideEnvironmentInitializer,
} from '@angular/core';
import { provideIconSet } from './icon-registry';
import { fillMaterialIconRegistry } from './material-icons';

/**
 * The app's icon set for a test: the Icon component's registry with the first load's icons, and
 * Material's MatIconRegistry with every icon, for the features still drawing Material's MatIcon.
 * The app itself provides `provideIconSet()` (icon-registry.ts) and fills Material's registry only
 * with the routes that need it (`withMaterialIcons`), so that Material's registry and sanitizer
 * stay out of the first load: nothing the app's own code imports may import this module.
 */
export function provideIcons(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideIconSet(),
    provideEnvironmentInitializer(() => fillMaterialIconRegistry(inject(Injector))),
  ]);
}
