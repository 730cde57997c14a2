import { describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openLoop } from './open-loop';

interface Served {
  baseUrl: string;
  /** Each request's path and Cookie header, in arrival order. */
  paths: string[];
  cookies: string[];
}

type Respond = (status: number, body: Buffer, chunked?: boolean) => void;

/** Runs `test` against a server on a free loopback port whose `answer` writes each response. */
async function withServer(
  answer: (path: string, respond: Respond, server: Server) => void,
  test: (served: Served) => Promise<void>,
): Promise<void> {
  const paths: string[] = [];
  const cookies: string[] = [];
  const server: Server = createServer((request, response) => {
    paths.push(request.url ?? '');
    cookies.push(request.headers.cookie ?? '');
    answer(
      request.url ?? '',
      (status, body, chunked = false) => {
        response.statusCode = status;
        if (!chunked) {
          response.setHeader('Content-Length', body.length);
          response.end(body);
          return;
        }
        // No Content-Length: Node sends the body chunked, one chunk per write.
        const third = Math.ceil(body.length / 3);
        response.write(body.subarray(0, third));
        setTimeout(() => {
          response.write(body.subarray(third, 2 * third));
          response.end(body.subarray(2 * third));
        }, 2);
      },
      server,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    await test({ baseUrl: `http://127.0.0.1:${port}`, paths, cookies });
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

const schedule = { rate: 200, seconds: 0.5, warmupSeconds: 0.1 };

describe('openLoop', () => {
  it('reads answers framed by Content-Length, larger than one read, and sends the cookie', async () => {
    const body = Buffer.alloc(300_000, 'x');
    await withServer(
      (_, respond) => respond(200, body),
      async ({ baseUrl, paths, cookies }) => {
        const result = await openLoop({
          baseUrl,
          cookie: 'session=abc',
          ...schedule,
          arrival: (index) => [`/list?i=${index % 3}`],
        });
        expect(result.errors).toBe(0);
        // 0.5 s measured at 200 a second, after 0.1 s of warm-up that is not counted.
        expect(result.count).toBe(100);
        expect(paths).toHaveLength(120);
        expect(new Set(paths)).toEqual(new Set(['/list?i=0', '/list?i=1', '/list?i=2']));
        expect(new Set(cookies)).toEqual(new Set(['session=abc']));
        expect(result.p50).toBeGreaterThan(0);
        expect(result.p99).toBeGreaterThanOrEqual(result.p50);
      },
    );
  });

  it('reads chunked answers to their last chunk', async () => {
    const body = Buffer.alloc(100_000, 'y');
    await withServer(
      (_, respond) => respond(200, body, true),
      async ({ baseUrl }) => {
        const result = await openLoop({ baseUrl, cookie: '', ...schedule, arrival: () => ['/'] });
        expect(result.errors).toBe(0);
        expect(result.count).toBe(100);
        // The last chunk leaves at least 2 ms after the first.
        expect(result.p50).toBeGreaterThanOrEqual(2);
      },
    );
  });

  it("times an arrival from when it was due to its slowest request's answer", async () => {
    await withServer(
      (path, respond) => {
        if (path === '/slow') setTimeout(() => respond(200, Buffer.from('{}')), 40);
        else respond(200, Buffer.from('{}'));
      },
      async ({ baseUrl }) => {
        const result = await openLoop({
          baseUrl,
          cookie: '',
          ...schedule,
          arrival: () => ['/fast', '/slow'],
        });
        expect(result.errors).toBe(0);
        expect(result.p50).toBeGreaterThanOrEqual(40);
        // Arrivals keep their schedule while the answers wait: the client never queues.
        expect(result.sendLagP99).toBeLessThan(40);
      },
    );
  });

  it('counts an arrival whose answer is not 200 as an error, not as a latency', async () => {
    await withServer(
      (path, respond) => respond(path === '/missing' ? 404 : 200, Buffer.from('{}')),
      async ({ baseUrl }) => {
        const result = await openLoop({
          baseUrl,
          cookie: '',
          ...schedule,
          arrival: (index) => (index % 2 === 0 ? ['/missing'] : ['/found']),
        });
        expect(result.errors).toBe(50);
        expect(result.count).toBe(100);
      },
    );
  });

  it('counts answers cut off by a closed connection as errors, and finishes', async () => {
    await withServer(
      (path, respond, server) => {
        if (path === '/cut') {
          // The head promises more than ever comes, then the connection drops.
          respond(200, Buffer.from('{}'), true);
          setTimeout(() => server.closeAllConnections(), 1);
        } else respond(200, Buffer.from('{}'));
      },
      async ({ baseUrl }) => {
        const result = await openLoop({
          baseUrl,
          cookie: '',
          ...schedule,
          arrival: (index) => (index === 60 ? ['/cut'] : ['/ok']),
        });
        expect(result.errors).toBeGreaterThanOrEqual(1);
        expect(result.count).toBe(100);
      },
    );
  });
});
