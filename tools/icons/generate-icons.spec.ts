import { beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DIRECTIONAL_CLASS,
  DIRECTIONAL_ICONS,
  ICON_MODULE,
  iconSvg,
  iconsInTemplates,
  LATER_ICON_MODULE,
  renderSprite,
  ROOT,
  SHELL_ICON_MODULE,
  splitIcons,
  staticImports,
  usedIcons,
  WEB_SOURCES,
} from './generate-icons';

const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
/** The icons a generated file holds: a module's keys, or a sprite's ids. */
const namesIn = (file: string) =>
  new Set(
    [...readFileSync(file, 'utf8').matchAll(/^ {2}([a-z0-9_]+):|^<svg id="([a-z0-9_]+)"/gm)].map(
      (m) => m[1] ?? m[2],
    ),
  );
const firstNames = namesIn(ICON_MODULE);
const shellNames = namesIn(SHELL_ICON_MODULE);
const laterNames = namesIn(LATER_ICON_MODULE);
const generatedNames = new Set([...firstNames, ...shellNames, ...laterNames]);

describe('the web app’s icon set', () => {
  // One TypeScript program over the web app: slow once, shared by the tests below.
  let used: Map<string, string[]>;
  beforeAll(() => {
    used = usedIcons();
  }, 120_000);

  it('has every icon a template or the code uses', () => {
    const missing = [...used]
      .filter(([name]) => !generatedNames.has(name))
      .map(([name, places]) => `${name} (${places.join(', ')})`);
    expect(missing).toEqual([]);
    expect(used.size).toBeGreaterThan(40);
  });

  it('is what `npm run icons` writes today', () => {
    // In a process of its own: prettier, which formats the module, needs ES module loading.
    const check = spawnSync(
      process.execPath,
      [TSX, '--tsconfig', 'tsconfig.base.json', 'tools/icons/generate-icons.ts', '--check'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  }, 120_000);

  it('puts each icon where it is first needed: the sign-in page, the shell and home, or later', () => {
    const sets = splitIcons(used);
    expect(new Set(sets.first)).toEqual(firstNames);
    expect(new Set(sets.shell)).toEqual(shellNames);
    expect(new Set(sets.later)).toEqual(laterNames);
    // The sign-in page's own, the shell's, and a page's after the first load.
    expect(firstNames).toContain('visibility');
    expect(firstNames).toContain('translate');
    expect(shellNames).toContain('menu');
    expect(firstNames).not.toContain('menu');
    expect(laterNames).toContain('drag_indicator');
    expect(firstNames).not.toContain('drag_indicator');
    expect(shellNames).not.toContain('drag_indicator');
    // Registered at start means never needed again from a later set.
    for (const name of firstNames) {
      expect(shellNames.has(name) || laterNames.has(name)).toBe(false);
    }
    // A shell icon that a page outside the shell uses too (a public calendar's "refresh") is in the
    // later set as well, since that page has no shell to register it.
    const outsideShell = [...used].filter(([, places]) =>
      places.some((place) => place.startsWith('apps/web/src/app/public-events/')),
    );
    expect(outsideShell.map(([name]) => name)).toContain('refresh');
    expect(shellNames).toContain('refresh');
    for (const [name] of outsideShell) {
      expect(firstNames.has(name) || laterNames.has(name)).toBe(true);
    }
  });

  it('follows static imports only: a lazy route or a type import loads nothing', () => {
    const files = staticImports([join(WEB_SOURCES, 'main.ts')]);
    expect(files).toContain(join(WEB_SOURCES, 'app', 'app.routes.ts'));
    expect(files).toContain(join(WEB_SOURCES, 'app', 'app.config.ts'));
    // Loaded by a route's import(), not by main.
    expect(files).not.toContain(join(WEB_SOURCES, 'app', 'shell', 'shell.component.ts'));
    expect(files).not.toContain(join(WEB_SOURCES, 'app', 'auth', 'sign-in.page.ts'));
    const signIn = staticImports([join(WEB_SOURCES, 'app', 'auth', 'sign-in.page.ts')]);
    expect(signIn).toContain(join(WEB_SOURCES, 'app', 'auth', 'sign-in.page.html'));
  });

  it('finds icons typed as IconName in maps, navigation items and input defaults', () => {
    for (const name of ['edit_note', 'videocam', 'home', 'inbox', 'all_inbox']) {
      expect(used.get(name)?.length).toBeGreaterThan(0);
    }
  });
});

describe('reading templates', () => {
  it('finds names in svgIcon and icon attributes and in the literals of their bindings', () => {
    const directory = mkdtempSync(join(tmpdir(), 'icons-'));
    const file = join(directory, 'x.component.html');
    writeFileSync(
      file,
      [
        '<mat-icon svgIcon="event" />',
        '<cv-empty-state icon="inbox" />',
        `<mat-icon [svgIcon]="open() ? 'visibility_off' : 'visibility'" />`,
        '<mat-icon [svgIcon]="icons[status]" />',
        '<img alt="" title="not_an_icon" />',
        '<button mat-icon-button type="button"></button>',
      ].join('\n'),
    );
    const found = iconsInTemplates([file]);
    expect([...found.keys()].sort()).toEqual(['event', 'inbox', 'visibility', 'visibility_off']);
    expect(found.get('visibility')?.[0]).toMatch(/x\.component\.html:3$/);
  });
});

describe('the SVGs', () => {
  it('make sprites of one root, each icon a nested svg named by its id', () => {
    const sprite = renderSprite('Two icons.', ['add', 'arrow_forward']);
    const lines = sprite.trimEnd().split('\n');
    expect(lines[0]).toBe('<svg xmlns="http://www.w3.org/2000/svg">');
    expect(lines.at(-1)).toBe('</svg>');
    expect(lines).toContain('<!-- Two icons. -->');
    expect(lines).toContain(iconSvg('add').replace('<svg ', '<svg id="add" '));
    expect(sprite).toMatch(
      /<svg id="arrow_forward" viewBox="0 -960 960 960" class="cv-icon-directional">/,
    );
  });

  it('keep only the view box and the drawing', () => {
    expect(iconSvg('add')).toMatch(/^<svg viewBox="0 -960 960 960"><path d="[^"]+"\/><\/svg>$/);
  });

  it('mark icons that point along the reading direction, and only those, to mirror in Arabic', () => {
    expect(DIRECTIONAL_ICONS.has('arrow_forward')).toBe(true);
    expect(iconSvg('arrow_forward')).toContain(`class="${DIRECTIONAL_CLASS}"`);
    expect(iconSvg('chevron_left')).toContain(`class="${DIRECTIONAL_CLASS}"`);
    expect(iconSvg('event')).not.toContain(DIRECTIONAL_CLASS);
  });

  it('refuse a name Material Symbols does not have', () => {
    expect(() => iconSvg('place')).toThrow(/No Material Symbol "place"/);
  });
});
