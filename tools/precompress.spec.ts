import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { precompress } from './precompress';

describe('precompress', () => {
  let root: string;
  const script = `export const text = ${JSON.stringify('compressible text '.repeat(500))};`;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'precompress-'));
    mkdirSync(join(root, 'media'));
    writeFileSync(join(root, 'main-AB12CD34.js'), script);
    writeFileSync(join(root, 'media', 'font-AB12CD34.woff2'), randomBytes(4000));
    // Random bytes do not compress: no variant is worth writing.
    writeFileSync(join(root, 'noise.txt'), randomBytes(4000));
    // Left by an earlier build whose file is gone.
    writeFileSync(join(root, 'old-ZZ12CD34.js.br'), 'stale');
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes brotli and gzip variants that decode to the file', async () => {
    const result = await precompress(root);
    expect(brotliDecompressSync(readFileSync(join(root, 'main-AB12CD34.js.br'))).toString()).toBe(
      script,
    );
    expect(gunzipSync(readFileSync(join(root, 'main-AB12CD34.js.gz'))).toString()).toBe(script);
    expect(result.files).toBe(2);
    // What is sent: the variant where one was written, else the file itself.
    const size = (name: string) => statSync(join(root, name)).size;
    expect(result.bytes).toBe(size('main-AB12CD34.js') + size('noise.txt'));
    expect(result.brotliBytes).toBe(size('main-AB12CD34.js.br') + size('noise.txt'));
    expect(result.gzipBytes).toBe(size('main-AB12CD34.js.gz') + size('noise.txt'));
  });

  it('leaves already compressed and incompressible files plain, and removes stale variants', async () => {
    await precompress(root);
    expect(existsSync(join(root, 'media', 'font-AB12CD34.woff2.br'))).toBe(false);
    expect(existsSync(join(root, 'noise.txt.br'))).toBe(false);
    expect(existsSync(join(root, 'noise.txt.gz'))).toBe(false);
    expect(existsSync(join(root, 'old-ZZ12CD34.js.br'))).toBe(false);
  });

  it('adds up every file when many are compressed at once', async () => {
    const names = Array.from({ length: 30 }, (_, i) => `chunk-${String(i).padStart(8, '0')}.js`);
    names.forEach((name, i) => writeFileSync(join(root, name), `${script}//${'x'.repeat(i * 97)}`));
    const result = await precompress(root);
    const size = (name: string) => statSync(join(root, name)).size;
    const all = [...names, 'main-AB12CD34.js'];
    expect(result.files).toBe(all.length + 1);
    expect(result.brotliBytes).toBe(
      all.reduce((sum, name) => sum + size(`${name}.br`), 0) + size('noise.txt'),
    );
  });

  it('gives the same result when run twice', async () => {
    await precompress(root);
    const first = readFileSync(join(root, 'main-AB12CD34.js.br'));
    await precompress(root);
    expect(readFileSync(join(root, 'main-AB12CD34.js.br')).equals(first)).toBe(true);
    expect(existsSync(join(root, 'main-AB12CD34.js.br.br'))).toBe(false);
  });
});
