import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { angularTargets, minifyChunks } from './minify-chunks';

// Two chunks as Angular's Rollup pass writes them: top-level names renamed apart (`$1`), `true`
// written out, and names crossing the chunks' bounds.
const MAIN = `var count$1 = 0;
var label$2 = function label$2(value) { return "item " + value; };
var enabled$1 = true;
function next$1() { count$1 = count$1 + 1; return enabled$1 === true ? label$2(count$1) : null; }
export { next$1 as n, enabled$1 as e };
`;
const LAZY = `import { n as next$3, e as enabled$4 } from './main-AB12CD34.js';
var first$1 = next$3();
var second$1 = next$3();
export { first$1 as first, second$1 as second, enabled$4 as enabled };
`;

describe('minifyChunks', () => {
  let root: string;
  const target = ['chrome119.0', 'firefox119.0', 'safari17.0'];

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'minify-chunks-'));
    writeFileSync(join(root, 'package.json'), '{"type":"module"}');
    writeFileSync(join(root, 'main-AB12CD34.js'), MAIN);
    writeFileSync(join(root, 'chunk-EF56GH78.js'), LAZY);
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** What the lazy chunk exports, imported by Node as the browser would import it. */
  function run(): unknown {
    const url = pathToFileURL(join(root, 'chunk-EF56GH78.js')).href;
    const script = `const m = await import(${JSON.stringify(url)}); console.log(JSON.stringify([m.first, m.second, m.enabled]));`;
    return JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }),
    );
  }

  it('makes the chunks smaller, and they still fit together and do the same', async () => {
    expect(run()).toEqual(['item 1', 'item 2', true]);
    const result = await minifyChunks(root, target);
    const main = readFileSync(join(root, 'main-AB12CD34.js'), 'utf8');
    expect(result.files).toBe(2);
    expect(result.after).toBeLessThan(result.before);
    expect(main.length).toBeLessThan(MAIN.length);
    expect(main).not.toMatch(/\$\d/);
    expect(main).not.toContain('true');
    expect(run()).toEqual(['item 1', 'item 2', true]);
  });

  it('leaves a file with a source map alone, and a second run changes nothing', async () => {
    writeFileSync(join(root, 'main-AB12CD34.js.map'), '{"version":3}');
    await minifyChunks(root, target);
    expect(readFileSync(join(root, 'main-AB12CD34.js'), 'utf8')).toBe(MAIN);
    const lazy = readFileSync(join(root, 'chunk-EF56GH78.js'), 'utf8');
    expect(lazy).not.toBe(LAZY);
    const again = await minifyChunks(root, target);
    expect(readFileSync(join(root, 'chunk-EF56GH78.js'), 'utf8')).toBe(lazy);
    expect(again.after).toBe(again.before);
    expect(run()).toEqual(['item 1', 'item 2', true]);
  });

  it('fails on a file that is not JavaScript, rather than writing something broken', async () => {
    writeFileSync(join(root, 'chunk-IJ90KL12.js'), 'export const = ;');
    await expect(minifyChunks(root, target)).rejects.toThrow();
  });
});

describe('angularTargets', () => {
  it("reads the browsers Angular's build targets for the web app", async () => {
    const targets = await angularTargets(join(__dirname, '..', 'apps', 'web'));
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(target).toMatch(/^(chrome|edge|firefox|ios|safari)\d+/);
  });
});
