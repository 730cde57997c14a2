import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Component, Injector, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatIconModule, MatIconRegistry } from '@angular/material/icon';
import { firstValueFrom } from 'rxjs';
import { Icon } from './icon.component';
import { ICON_SVGS, type IconName } from './icons.generated';
import {
  ICON_SPRITE_LOADER,
  ICON_SPRITES,
  IconRegistry,
  provideIconSet,
  withMaterialIcons,
} from './icon-registry';
import { provideIcons, provideSpritesFromDisk, spriteText } from './icons.testing';

/** A sprite's icons by name, each as its line of the file. */
const iconsOfSprite = (sprite: string): Partial<Record<IconName, string>> =>
  Object.fromEntries(
    [...spriteText(sprite).matchAll(/^<svg id="([a-z0-9_]+)".*$/gm)].map((m) => [m[1], m[0]]),
  );
const SHELL_ICON_SVGS = iconsOfSprite(ICON_SPRITES.shell);
const LATER_ICON_SVGS = iconsOfSprite(ICON_SPRITES.later);

@Component({
  imports: [Icon],
  // arrow_forward is a later icon (an event's page), translate one of the first load.
  template: `<mat-icon svgIcon="arrow_forward" /><mat-icon svgIcon="translate" /><mat-icon
      aria-hidden="false"
      aria-label="Done"
      [svgIcon]="name()"
    />`,
})
class Host {
  readonly name = signal('check');
}

@Component({
  imports: [MatIconModule],
  template: `<mat-icon svgIcon="menu" />`,
})
class MaterialHost {}

const iconsOf = (host: HTMLElement) => Array.from(host.querySelectorAll('mat-icon'));
const pathOf = (svg: string | undefined) => /<path d="([^"]+)"/.exec(svg ?? '')?.[1];

describe('the icon set', () => {
  // The app's own providers (app.config.ts): Material's registry is not filled at start.
  let logged: jest.SpyInstance;
  beforeEach(() => {
    logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    // The sprites come from their files, as the browser fetches them.
    TestBed.configureTestingModule({ providers: [provideIconSet(), provideSpritesFromDisk()] });
  });
  afterEach(() => logged.mockRestore());

  it('draws icons as inline SVG, no icon font, loading the later icons when first asked for', async () => {
    expect(ICON_SVGS).not.toHaveProperty('arrow_forward');
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const [arrow, translate, check] = iconsOf(fixture.nativeElement as HTMLElement);
    // Registered at start: drawn at once, as Material's MatIcon draws an SVG icon.
    expect(translate?.querySelector('svg path')?.getAttribute('d')).toBe(
      pathOf(ICON_SVGS.translate),
    );
    expect(translate?.querySelector('svg')?.getAttribute('focusable')).toBe('false');
    expect(translate?.classList).toContain('mat-icon');
    expect(translate?.getAttribute('data-mat-icon-name')).toBe('translate');
    expect(translate?.textContent).toBe('');
    // The later set arrives from its sprite.
    expect(arrow?.querySelector('svg')).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();
    expect(arrow?.querySelector('svg path')?.getAttribute('d')).toBe(
      pathOf(LATER_ICON_SVGS.arrow_forward),
    );
    // Mirrored in right-to-left pages by styles.scss.
    expect(arrow?.querySelector('svg')?.classList).toContain('cv-icon-directional');
    expect(translate?.querySelector('svg')?.classList).not.toContain('cv-icon-directional');
    expect(logged).not.toHaveBeenCalled();
    // Hidden from assistive technology unless the template says otherwise.
    expect(translate?.getAttribute('aria-hidden')).toBe('true');
    expect(translate?.getAttribute('role')).toBe('img');
    expect(check?.getAttribute('aria-hidden')).toBe('false');
  });

  it('draws another icon when the name changes, and nothing for none', () => {
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const check = iconsOf(fixture.nativeElement as HTMLElement)[2];
    expect(check?.querySelector('path')?.getAttribute('d')).toBe(pathOf(ICON_SVGS.check));
    fixture.componentInstance.name.set('error');
    fixture.detectChanges();
    expect(check?.querySelectorAll('svg')).toHaveLength(1);
    expect(check?.querySelector('path')?.getAttribute('d')).toBe(pathOf(ICON_SVGS.error));
    fixture.componentInstance.name.set('');
    fixture.detectChanges();
    expect(check?.childElementCount).toBe(0);
  });

  it('keeps the shell’s icons once the shell has fetched them', async () => {
    const registry = TestBed.inject(IconRegistry);
    expect(registry.svg('menu')).toBeNull();
    await registry.loadShell();
    expect(registry.svg('menu')?.querySelector('path')?.getAttribute('d')).toBe(
      pathOf(SHELL_ICON_SVGS.menu),
    );
  });

  it('fetches each sprite once, and again after a failure', async () => {
    const asked: string[] = [];
    let offline = true;
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      providers: [
        provideIconSet(),
        {
          provide: ICON_SPRITE_LOADER,
          useValue: (sprite: string) => {
            asked.push(sprite);
            return offline
              ? Promise.reject(new Error('offline'))
              : Promise.resolve(spriteText(sprite));
          },
        },
      ],
    });
    const registry = TestBed.inject(IconRegistry);
    await expect(registry.loadShell()).rejects.toThrow('offline');
    expect(registry.svg('menu')).toBeNull();
    offline = false;
    // Two icons waiting at once: the shell's sprite again, the later pages' for the first time.
    await Promise.all([registry.whenLoaded('menu'), registry.whenLoaded('arrow_forward')]);
    expect(registry.svg('menu')).not.toBeNull();
    expect(registry.svg('arrow_forward')).not.toBeNull();
    expect(asked.filter((sprite) => sprite === ICON_SPRITES.shell)).toHaveLength(2);
    expect(asked.filter((sprite) => sprite === ICON_SPRITES.later)).toHaveLength(1);
    await registry.loadAll();
    expect(asked).toHaveLength(3);
  });

  it('reports a name that no set has', async () => {
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.name.set('no_such_icon');
    fixture.detectChanges();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();
    expect(logged).toHaveBeenCalledWith('No icon named "no_such_icon" in the icon set');
  });

  it('fills Material’s registry for the routes whose pages still draw MatIcon', async () => {
    const material = TestBed.inject(MatIconRegistry);
    await expect(firstValueFrom(material.getNamedSvgIcon('menu'))).rejects.toThrow(/menu/);
    const routes = await TestBed.runInInjectionContext(() =>
      withMaterialIcons(Promise.resolve({ default: ['the routes'] })),
    );
    expect(routes).toEqual({ default: ['the routes'] });
    for (const [name, svg] of [
      ['menu', SHELL_ICON_SVGS.menu],
      ['translate', ICON_SVGS.translate],
      ['arrow_forward', LATER_ICON_SVGS.arrow_forward],
    ] as const) {
      const drawn = await firstValueFrom(material.getNamedSvgIcon(name));
      expect(drawn.querySelector('path')?.getAttribute('d')).toBe(pathOf(svg));
    }
    const fixture = TestBed.createComponent(MaterialHost);
    fixture.detectChanges();
    await fixture.whenStable();
    const icon = (fixture.nativeElement as HTMLElement).querySelector('mat-icon svg path');
    expect(icon?.getAttribute('d')).toBe(pathOf(SHELL_ICON_SVGS.menu));
    expect(TestBed.inject(Injector).get(IconRegistry)).not.toBe(material);
  });

  it('gives tests of those features both registries at once (provideIcons)', async () => {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [provideIcons()] });
    const material = await firstValueFrom(TestBed.inject(MatIconRegistry).getNamedSvgIcon('menu'));
    expect(material.querySelector('path')?.getAttribute('d')).toBe(pathOf(SHELL_ICON_SVGS.menu));
    expect(TestBed.inject(IconRegistry).svg('translate')).not.toBeNull();
  });

  it('holds well-formed SVG for every icon of the three sets', () => {
    const all = { ...LATER_ICON_SVGS, ...SHELL_ICON_SVGS, ...ICON_SVGS };
    expect(Object.keys(all).length).toBeGreaterThan(40);
    for (const [name, svg] of Object.entries(all)) {
      const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
      expect({ name, error: parsed.querySelector('parsererror') }).toEqual({ name, error: null });
      expect(parsed.documentElement.getAttribute('viewBox')).toBe('0 -960 960 960');
    }
  });
});

describe("Material's MatIcon", () => {
  const APP = join(__dirname, '../..');
  const sources = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return sources(path);
      return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
    });
  /** The features still drawing it, each loaded through withMaterialIcons in the routes. */
  const STILL_ON_MATERIAL = ['participation', 'check-in', 'participant'];

  it('is drawn only where Material’s registry has the icons', () => {
    const users = sources(APP)
      .filter((file) => readFileSync(file, 'utf8').includes("from '@angular/material/icon'"))
      .map((file) => relative(APP, file))
      .filter((file) => file !== join('shared', 'icons', 'material-icons.ts'));
    expect(
      users.filter((file) => !STILL_ON_MATERIAL.some((feature) => file.startsWith(feature + '/'))),
    ).toEqual([]);
    // The tests' provideIcons (icons.ts) fills Material's registry: the app's code never imports it.
    expect(
      sources(APP).filter((file) =>
        /from '[./]*(shared\/icons\/|\.\/)icons\.testing'/.test(readFileSync(file, 'utf8')),
      ),
    ).toEqual([]);
  });

  it('comes with the routes that load those features', () => {
    // The signed-out routes are in app.routes.ts; those under the shell in shell/signed-in.routes.ts.
    const routes = ['app.routes.ts', join('shell', 'signed-in.routes.ts')]
      .map((file) => readFileSync(join(APP, file), 'utf8'))
      .join('\n');
    // The participation tab is part of the events routes.
    for (const feature of ['events/events', 'check-in/check-in', 'participant/participant']) {
      expect(routes).toMatch(
        new RegExp(`withMaterialIcons\\(import\\('\\.\\.?/${feature}\\.routes'\\)\\)`),
      );
    }
    // Their components are drawn only under those routes: the events pages (which hold the
    // participation tab) and the routes' own files. Services and types may be used anywhere.
    const drawnElsewhere = sources(APP)
      .map((file) => relative(APP, file))
      .filter((file) => !STILL_ON_MATERIAL.some((feature) => file.startsWith(feature + '/')))
      .filter((file) => !file.startsWith('events/') && file !== 'app.routes.ts')
      .filter((file) =>
        /from '[./]*\/(participation|check-in|participant)\/[\w.-]+\.(component|page|dialog)'/.test(
          readFileSync(join(APP, file), 'utf8'),
        ),
      );
    expect(drawnElsewhere).toEqual([]);
  });
});
