/**
 * Minifies the built web app's JavaScript once more, after Angular's chunk optimizer. Run by the
 * web project's `build` target between Angular's build and precompress.ts:
 *
 *     tsx tools/minify-chunks.ts dist/apps/web/browser
 *
 * Why: Angular's build minifies with esbuild, then (with more lazy chunks than a threshold) merges
 * esbuild's chunks with Rollup (apps/web/.env.build-angular chose Rollup, which merges better than
 * Rolldown: docs/performance.md). Rollup's output is not minified again: where two merged chunks
 * had top-level names in common it renames them (`e$1`, `g$2`: over 4,500 in `main`), and it
 * writes what it generates in full. Angular's Rolldown path minifies its output; its Rollup path
 * does not. esbuild, the same minifier at the same version and for the same browsers as Angular's
 * build (Angular's own browserslist reading), takes that back: 2.4 kB less as sent for `main`.
 *
 * Each file is minified alone as an ES module: its imports and exports keep their names, so the
 * chunks still fit together, and a file's name (its content's hash before this step) still names
 * one content, since the same input gives the same output. Files with a source map beside them
 * (development builds) are left alone: the map would no longer match.
 */
import { transform } from 'esbuild';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

export interface MinifyResult {
  files: number;
  before: number;
  after: number;
}

/**
 * The esbuild targets Angular's build uses for the app: its browserslist reading (the project's
 * own list, or Angular's default) turned into esbuild's targets, by Angular's own two functions.
 * They are loaded by path: the package exports them only through `@angular/build/private`,
 * which loads the whole builder.
 */
export async function angularTargets(projectRoot: string): Promise<string[]> {
  const build = dirname(require.resolve('@angular/build/package.json'));
  const browsers = (await import(join(build, 'src', 'utils', 'supported-browsers.js'))) as {
    getSupportedBrowsers(root: string, logger: { warn(message: string): void }): string[];
  };
  const targets = (await import(join(build, 'src', 'tools', 'esbuild', 'target.js'))) as {
    transformSupportedBrowsersToTargets(browsers: string[]): string[];
  };
  return targets.transformSupportedBrowsersToTargets(
    browsers.getSupportedBrowsers(projectRoot, { warn: (message) => console.warn(message) }),
  );
}

/** Minifies one module's code for the given targets; names crossing module bounds are kept. */
export async function minifyModule(code: string, target: string[]): Promise<string> {
  const result = await transform(code, {
    minify: true,
    format: 'esm',
    target,
    charset: 'utf8',
    logLevel: 'silent',
  });
  return result.code;
}

export async function minifyChunks(root: string, target: string[]): Promise<MinifyResult> {
  const result: MinifyResult = { files: 0, before: 0, after: 0 };
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = new Set(
    entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name)),
  );
  for (const path of [...files].filter((file) => /\.m?js$/.test(file))) {
    if (files.has(`${path}.map`)) continue;
    const code = await readFile(path, 'utf8');
    const minified = await minifyModule(code, target);
    // Never larger: a file already as small (a second run) is left as it is.
    const kept = Buffer.byteLength(minified) < Buffer.byteLength(code) ? minified : code;
    if (kept !== code) await writeFile(path, kept);
    result.files++;
    result.before += Buffer.byteLength(code);
    result.after += Buffer.byteLength(kept);
  }
  return result;
}

async function main(): Promise<void> {
  const root = process.argv[2];
  if (!root) throw new Error('usage: tsx tools/minify-chunks.ts <built web app folder>');
  if (!(await stat(root)).isDirectory()) throw new Error(`${root} is not a folder`);
  const started = Date.now();
  const target = await angularTargets(join(process.cwd(), 'apps', 'web'));
  const result = await minifyChunks(root, target);
  const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  console.log(
    `minified ${result.files} scripts in ${relative(process.cwd(), root) || '.'}: ` +
      `${kB(result.before)} → ${kB(result.after)} (${Date.now() - started} ms)`,
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
