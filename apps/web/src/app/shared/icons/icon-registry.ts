import { DOCUMENT } from '@angular/common';
import {
  type EnvironmentProviders,
  EnvironmentInjector,
  inject,
  Injectable,
  makeEnvironmentProviders,
  provideEnvironmentInitializer,
} from '@angular/core';
import { ICON_SVGS, type IconName } from './icons.generated';

type IconSvgs = Partial<Record<IconName, string>>;

/**
 * The app's icons: `<mat-icon svgIcon="…" />` (the Icon component, icon.component.ts) draws the
 * outlined Material Symbol inline, with no icon font to download, only the icons used (written by
 * `npm run icons`, tools/icons/generate-icons.ts), and each page carrying few it does not show.
 * The set is in three parts: the icons of the signed-out first load, registered at start
 * (icons.generated.ts); those the signed-in shell and its home add, which the shell registers
 * (icons-shell.generated.ts); and the rest, loaded as one lazy chunk the first time a page asks
 * for an icon not registered yet (icons-later.generated.ts). A feature only names its icons.
 * The SVGs are constants from @material-symbols/svg-400 at build time, never user input, so they
 * are parsed as they are. Material's own MatIconRegistry (and the DomSanitizer it needs) is not
 * part of any first load; the pages still drawing Material's MatIcon get this set in it through
 * `withMaterialIcons` (material-icons.ts), and their tests through `provideIcons` (icons.ts).
 */
@Injectable({ providedIn: 'root' })
export class IconRegistry {
  private readonly document = inject(DOCUMENT);
  private readonly sources = new Map<string, string>();
  private readonly parsed = new Map<string, SVGElement>();
  private later: Promise<void> | null = null;

  /** Adds icons to the set (an icon already there is kept). */
  register(svgs: IconSvgs): void {
    for (const [name, svg] of Object.entries(svgs)) {
      if (svg !== undefined && !this.sources.has(name)) this.sources.set(name, svg);
    }
  }

  /** A copy of the icon's SVG to put in the page, or null while its part of the set is not here. */
  svg(name: string): SVGElement | null {
    let svg = this.parsed.get(name);
    if (!svg) {
      const source = this.sources.get(name);
      if (source === undefined) return null;
      const template = this.document.createElement('template');
      template.innerHTML = source;
      const element = template.content.firstElementChild;
      if (!(element instanceof SVGElement)) return null;
      // As Material's MatIcon draws an SVG icon: the icon's box, filled, never a tab stop.
      element.setAttribute('fit', '');
      element.setAttribute('height', '100%');
      element.setAttribute('width', '100%');
      element.setAttribute('preserveAspectRatio', 'xMidYMid meet');
      element.setAttribute('focusable', 'false');
      svg = element;
      this.parsed.set(name, svg);
    }
    return svg.cloneNode(true) as SVGElement;
  }

  /** Loads the icons of the later pages, once; rejects when offline, so the next ask tries again. */
  loadLater(): Promise<void> {
    this.later ??= import('./icons-later.generated').then(
      (module) => this.register(module.LATER_ICON_SVGS),
      (error: unknown) => {
        this.later = null;
        throw error;
      },
    );
    return this.later;
  }
}

/** The app's icon set, with the first load's icons registered at start (app.config.ts). */
export function provideIconSet(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideEnvironmentInitializer(() => inject(IconRegistry).register(ICON_SVGS)),
  ]);
}

/**
 * For a lazy route whose pages draw Material's MatIcon (participation, check-in, the participant
 * pages): `loadChildren: () => withMaterialIcons(import('…'))` fills Material's icon registry
 * with the whole set before the route's pages are drawn. Material's registry and its sanitizer
 * load with that route, not with the first page.
 */
export function withMaterialIcons<T>(loading: Promise<T>): Promise<T> {
  const injector = inject(EnvironmentInjector);
  return Promise.all([loading, import('./material-icons')]).then(([loaded, material]) => {
    material.fillMaterialIconRegistry(injector);
    return loaded;
  });
}
