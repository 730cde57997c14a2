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
  ROOT,
  usedIcons,
} from './generate-icons';

const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const generated = readFileSync(ICON_MODULE, 'utf8');
const generatedNames = new Set([...generated.matchAll(/^ {2}([a-z0-9_]+):/gm)].map((m) => m[1]));

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
