import { readFileSync } from 'node:fs';
import {
  type EnvironmentProviders,
  inject,
  Injector,
  makeEnvironmentProviders,
  provideEnvironmentInitializer,
} from '@angular/core';
import { ICON_SPRITE_LOADER, ICON_SPRITES, IconRegistry, provideIconSet } from './icon-registry';
import { fillMaterialIconRegistry } from './material-icons';

/** Under jest a sprite's import is its path on disk (svg-path.transform.cjs): its text, read. */
export const spriteText = (sprite: string): string => readFileSync(sprite, 'utf8');

/** The icon registry's sprites read from their files, as the browser would fetch them. */
export function provideSpritesFromDisk(): EnvironmentProviders {
  return makeEnvironmentProviders([
    {
      provide: ICON_SPRITE_LOADER,
      useValue: (sprite: string) => Promise.resolve(spriteText(sprite)),
    },
  ]);
}

/**
 * The app's icon set for a test: the Icon component's registry with every icon at once (the
 * sprites read from their files), and Material's MatIconRegistry with every icon, for the
 * features still drawing Material's MatIcon. The app itself provides `provideIconSet()`
 * (icon-registry.ts), fetches the sprites, and fills Material's registry only with the routes that
 * need it (`withMaterialIcons`). Only tests import this module (it reads files with node:fs, and
 * the app's tsconfig leaves `*.testing.ts` out).
 */
export function provideIcons(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideIconSet(),
    provideSpritesFromDisk(),
    provideEnvironmentInitializer(() => {
      const registry = inject(IconRegistry);
      registry.registerSprite(spriteText(ICON_SPRITES.shell));
      registry.registerSprite(spriteText(ICON_SPRITES.later));
      fillMaterialIconRegistry(inject(Injector));
    }),
  ]);
}
