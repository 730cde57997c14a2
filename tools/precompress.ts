/**
 * Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip, level 9) beside every
 * compressible file of a built web app, once, at build time: the API serves them with
 * @fastify/static's `preCompressed` instead of compressing each response. Run by the web
 * project's `build` target after Angular's build:
 *
 *     tsx tools/precompress.ts dist/apps/web/browser
 *
 * woff2 (brotli inside), images and anything else already compressed are left alone, and so is a
 * variant that would save less than 5 % of the file: the plain file is then sent.
 */
import { readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Extensions worth compressing: text, and the font formats that are not compressed inside. */
export const COMPRESSIBLE = new Set([
  '.js',
  '.mjs',
  '.css',
  '.html',
  '.json',
  '.webmanifest',
  '.svg',
  '.txt',
  '.xml',
  '.ico',
  '.ttf',
  '.otf',
  '.woff',
]);
const ENCODED = ['.br', '.gz'];
/** A variant is kept when it is at most this share of the original. */
const WORTHWHILE = 0.95;

export interface PrecompressResult {
  files: number;
  bytes: number;
  brotliBytes: number;
  gzipBytes: number;
}

export async function precompress(root: string): Promise<PrecompressResult> {
  const result: PrecompressResult = { files: 0, bytes: 0, brotliBytes: 0, gzipBytes: 0 };
  const paths = await filesUnder(root);
  const present = new Set(paths);
  // A variant whose file is gone (or no longer worth it) would be served for nothing.
  for (const path of paths.filter((file) => ENCODED.includes(extname(file)))) {
    const original = path.slice(0, -extname(path).length);
    if (!present.has(original) || !COMPRESSIBLE.has(extname(original))) await unlink(path);
  }
  await Promise.all(
    paths
      .filter((path) => COMPRESSIBLE.has(extname(path).toLowerCase()))
      .map(async (path) => {
        const content = await readFile(path);
        const text = extname(path) !== '.ico' && !/\.(ttf|otf|woff)$/i.test(path);
        const [br, gz] = await Promise.all([
          brotli(content, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_MODE]: text
                ? constants.BROTLI_MODE_TEXT
                : constants.BROTLI_MODE_GENERIC,
              [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
            },
          }),
          gzipped(content, { level: constants.Z_BEST_COMPRESSION }),
        ]);
        const [brSent, gzSent] = await Promise.all([
          keep(`${path}.br`, br, content.length),
          keep(`${path}.gz`, gz, content.length),
        ]);
        // Added after every await: \`total += await …\` would read the total before waiting.
        result.files++;
        result.bytes += content.length;
        result.brotliBytes += brSent;
        result.gzipBytes += gzSent;
      }),
  );
  return result;
}

/** Writes the variant when it is worth it (and removes a stale one when not); returns the bytes sent. */
async function keep(path: string, variant: Buffer, originalSize: number): Promise<number> {
  if (variant.length <= originalSize * WORTHWHILE) {
    await writeFile(path, variant);
    return variant.length;
  }
  await unlink(path).catch(() => undefined);
  return originalSize;
}

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

async function main(): Promise<void> {
  const root = process.argv[2];
  if (!root) throw new Error('usage: tsx tools/precompress.ts <built web app folder>');
  if (!(await stat(root)).isDirectory()) throw new Error(`${root} is not a folder`);
  const started = Date.now();
  const result = await precompress(root);
  const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  console.log(
    `precompressed ${result.files} files in ${relative(process.cwd(), root) || '.'}: ` +
      `${kB(result.bytes)} → brotli ${kB(result.brotliBytes)}, gzip ${kB(result.gzipBytes)} ` +
      `(${Date.now() - started} ms)`,
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
