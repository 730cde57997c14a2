import { basename, dirname, relative, sep } from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** A year: what a file whose name changes with its content may be kept for. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Kept, but asked about again (ETag) before each use: index.html, translations, the favicon. */
export const REVALIDATE = 'no-cache';

/**
 * Angular names what it emits `<name>-<hash>.<ext>` (top-level scripts and styles; the hash is
 * 8–9 letters, digits, `-` or `_`) and puts the fonts and images its styles use, hashed too,
 * under `media/`. Files copied from `apps/web/public` keep their own names and are revalidated.
 */
const HASHED_TOP_LEVEL = /^[a-z][a-z0-9]*-[A-Za-z0-9_-]{8,}\.(?:js|css)$/;

/** The Cache-Control of a file of the built web app, by its path relative to the app's root. */
export function webCacheControl(relativePath: string): string {
  const path = relativePath
    .split(sep)
    .join('/')
    .replace(/\.(?:br|gz)$/, '');
  if (path.startsWith('media/')) return IMMUTABLE;
  return dirname(path) === '.' && HASHED_TOP_LEVEL.test(basename(path)) ? IMMUTABLE : REVALIDATE;
}

/**
 * Whether a request's target is one of the web app's files cached for a year by everyone
 * (the URL as sent; API paths never are). Such answers carry no cookie.
 */
export function isSharedWebFile(url: string): boolean {
  const path = url.split(/[?#]/, 1)[0] ?? '';
  if (!path.startsWith('/') || /^\/api(?:\/|$)/i.test(path)) return false;
  return webCacheControl(path.slice(1)) === IMMUTABLE;
}

/**
 * Serves the built web app from `root`: each file under its own route, its brotli or gzip
 * variant (written once by the build, `tools/precompress.ts`) chosen from Accept-Encoding, with
 * `Vary: Accept-Encoding`, an ETag, and the caching of `webCacheControl`. `reply.sendFile()`
 * (the SPA's fallback to index.html) goes the same way.
 */
export async function registerWebStatic(fastify: FastifyInstance, root: string): Promise<void> {
  await fastify.register(fastifyStatic, {
    root,
    prefix: '/',
    // One route per file, listed once at boot; every other path is the SPA's.
    wildcard: false,
    index: false,
    preCompressed: true,
    // The variants are found beside their file; they are not routes of their own.
    globIgnore: ['**/*.br', '**/*.gz'],
    cacheControl: false,
    setHeaders: (reply: FastifyReply, path: string) => {
      reply.header('cache-control', webCacheControl(relative(root, path)));
    },
  });
}

/** API responses at least this long are compressed; shorter ones gain less than they cost. */
export const API_COMPRESSION_THRESHOLD = 1024;

/**
 * Compresses the API's own responses (`/api/…`: JSON, problem+json, calendars) of at least
 * `API_COMPRESSION_THRESHOLD` bytes, brotli or gzip as the client accepts. The web app's files
 * are not: they come precompressed, or are not worth compressing. Request bodies are never
 * decompressed: the API reads plain JSON only, within its body limit.
 *
 * Registered before any route: it applies to the routes added after it.
 */
export async function registerApiCompression(fastify: FastifyInstance): Promise<void> {
  fastify.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) route.compress = false;
  });
  await fastify.register(fastifyCompress, {
    globalCompression: true,
    globalDecompression: false,
    threshold: API_COMPRESSION_THRESHOLD,
    encodings: ['br', 'gzip'],
  });
}
