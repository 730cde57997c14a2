import { DOCUMENT } from '@angular/common';
import {
  type EnvironmentProviders,
  EnvironmentInjector,
  inject,
  Injectable,
  InjectionToken,
  makeEnvironmentProviders,
  provideEnvironmentInitializer,
} from '@angular/core';
import { ICON_SVGS, type IconName } from './icons.generated';
import LATER_ICONS from './icons-later.generated.svg';
import SHELL_ICONS from './icons-shell.generated.svg';

type IconSvgs = Partial<Record<IconName, string>>;

/** Where the two fetched parts of the set are: files named by their content, kept for a year. */
export const ICON_SPRITES = { shell: SHELL_ICONS, later: LATER_ICONS } as const;

/** Reads a sprite's text from its address: the browser's fetch; tests read the file itself. */
export const ICON_SPRITE_LOADER = new InjectionToken<(url: string) => Promise<string>>(
  'ICON_SPRITE_LOADER',
  {
    providedIn: 'root',
    factory: () => {
      const base = inject(DOCUMENT).baseURI;
      return async (url: string) => {
        const response = await fetch(new URL(url, base));
        if (!response.ok) throw new Error(`The icons at ${url} answered ${response.status}`);
        return response.text();
      };
    },
  },
);

/**
 * The app's icons: `<mat-icon svgIcon="…" />` (the Icon component, icon.component.ts) draws the
 * outlined Material Symbol inline, with no icon font to download, only the icons used (written by
 * `npm run icons`, tools/icons/generate-icons.ts), and each page carrying few it does not show.
 * The set is in three parts: the icons of the signed-out first load, registered at start
 * (icons.generated.ts, in the code); those the signed-in shell and its home add
 * (icons-shell.generated.svg), which the shell fetches; and the rest (icons-later.generated.svg),
 * fetched the first time a page asks for an icon not registered yet. The two later parts are SVG
 * sprites, data rather than code: no page's JavaScript carries them, and each is a file named by
 * its content, cached for a year. A feature only names its icons.
 * The SVGs are constants from @material-symbols/svg-400 at build time, served by our own origin,
 * never user input, so they are parsed as they are. Material's own MatIconRegistry (and the
 * DomSanitizer it needs) is not part of any first load; the pages still drawing Material's
 * MatIcon get this set in it through `withMaterialIcons` (material-icons.ts), and their tests
 * through `provideIcons` (icons.testing.ts).
 */
@Injectable({ providedIn: 'root' })
export class IconRegistry {
  private readonly document = inject(DOCUMENT);
  private readonly load = inject(ICON_SPRITE_LOADER);
  private readonly sources = new Map<string, string>();
  private readonly parsed = new Map<string, SVGElement>();
  private readonly sprites = new Map<string, Promise<void>>();
  private shellAsked = false;

  /** Adds icons to the set (an icon already there is kept). */
  register(svgs: IconSvgs): void {
    for (const [name, svg] of Object.entries(svgs)) {
      if (svg !== undefined && !this.sources.has(name)) this.sources.set(name, svg);
    }
  }

  /** Adds the icons of a sprite's text: each a nested `<svg id="name">` of its root. */
  registerSprite(text: string): void {
    const sprite = new DOMParser().parseFromString(text, 'image/svg+xml');
    if (sprite.querySelector('parsererror')) throw new Error('An icon sprite is not well-formed');
    const serializer = new XMLSerializer();
    for (const icon of Array.from(sprite.documentElement.children)) {
      const name = icon.getAttribute('id');
      if (!name || this.sources.has(name)) continue;
      icon.removeAttribute('id');
      this.sources.set(name, serializer.serializeToString(icon));
    }
  }

  /** The names and SVG sources of every icon registered so far. */
  entries(): [string, string][] {
    return [...this.sources];
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

  /** Fetches a sprite once and registers its icons; a failure (offline) lets the next ask retry. */
  loadSprite(url: string): Promise<void> {
    let loading = this.sprites.get(url);
    if (!loading) {
      loading = this.load(url).then((text) => this.registerSprite(text));
      this.sprites.set(url, loading);
      loading.catch(() => this.sprites.delete(url));
    }
    return loading;
  }

  /** The shell's icons: fetched as the signed-in frame starts, while its chunk is parsed. */
  loadShell(): Promise<void> {
    this.shellAsked = true;
    return this.loadSprite(ICON_SPRITES.shell);
  }

  /**
   * Settles when an icon not registered yet can be drawn: after the sprites already on their way
   * (the shell's), then, if none of them held it, after the later pages' sprite (and the shell's
   * again, if it was asked for and failed: the next icon drawn retries it).
   */
  async whenLoaded(name: string): Promise<void> {
    await Promise.allSettled([...this.sprites.values()]);
    if (this.sources.has(name)) return;
    await Promise.all([
      this.shellAsked ? this.loadShell() : null,
      this.loadSprite(ICON_SPRITES.later),
    ]);
  }

  /** Every part of the set, for Material's registry (withMaterialIcons). */
  async loadAll(): Promise<void> {
    await Promise.all([this.loadShell(), this.loadSprite(ICON_SPRITES.later)]);
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
  const icons = injector.get(IconRegistry);
  return Promise.all([loading, import('./material-icons'), icons.loadAll()]).then(
    ([loaded, material]) => {
      material.fillMaterialIconRegistry(injector);
      return loaded;
    },
  );
}
