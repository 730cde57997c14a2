import { describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openLoop } from './open-loop';

/** A server on a free loopback port; `answer` writes each response. */
async function serve(
  answer: (
    path: string,
    respond: (status: number, body: Buffer, chunked?: boolean) => void,
  ) => void,
): Promise<{ baseUrl: string; server: Server; paths: string[]; cookies: string[] }> {
  const paths: string[] = [];
  const cookies: string[] = [];
  const server = createServer((request, response) => {
    paths.push(request.url ?? '');
    cookies.push(request.headers.cookie ?? '');
    answer(request.url ?? '', (status, body, chunked = false) => {
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
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, server, paths, cookies };
}

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

const schedule = { rate: 200, seconds: 0.5, warmupSeconds: 0.1 };

describe('openLoop', () => {
  it('reads answers framed by Content-Length, larger than one read, and sends the cookie', async () => {
    const body = Buffer.alloc(300_000, 'x');
    const { baseUrl, server, paths, cookies } = await serve((_, respond) => respond(200, body));
    try {
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
    } finally {
      await close(server);
    }
  });

  it('reads chunked answers to their last chunk', async () => {
    const body = Buffer.alloc(100_000, 'y');
    const { baseUrl, server } = await serve((_, respond) => respond(200, body, true));
    try {
      const result = await openLoop({ baseUrl, cookie: '', ...schedule, arrival: () => ['/'] });
      expect(result.errors).toBe(0);
      expect(result.count).toBe(100);
      // The last chunk leaves at least 2 ms after the first.
      expect(result.p50).toBeGreaterThanOrEqual(2);
    } finally {
      await close(server);
    }
  });

  it("times an arrival from when it was due to its slowest request's answer", async () => {
    const { baseUrl, server } = await serve((path, respond) => {
      if (path === '/slow') setTimeout(() => respond(200, Buffer.from('{}')), 40);
      else respond(200, Buffer.from('{}'));
    });
    try {
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
    } finally {
      await close(server);
    }
  });

  it('counts an arrival whose answer is not 200 as an error, not as a latency', async () => {
    const { baseUrl, server } = await serve((path, respond) =>
      respond(path === '/missing' ? 404 : 200, Buffer.from('{}')),
    );
    try {
      const result = await openLoop({
        baseUrl,
        cookie: '',
        ...schedule,
        arrival: (index) => (index % 2 === 0 ? ['/missing'] : ['/found']),
      });
      expect(result.errors).toBe(50);
      expect(result.count).toBe(100);
    } finally {
      await close(server);
    }
  });

  it('counts answers cut off by a closed connection as errors, and finishes', async () => {
    const { baseUrl, server } = await serve((path, respond) => {
      if (path === '/cut') {
        // The head promises more than ever comes, then the connection drops.
        respond(200, Buffer.from('{}'), true);
        setTimeout(() => server.closeAllConnections(), 1);
      } else respond(200, Buffer.from('{}'));
    });
    try {
      const result = await openLoop({
        baseUrl,
        cookie: '',
        ...schedule,
        arrival: (index) => (index === 60 ? ['/cut'] : ['/ok']),
      });
      expect(result.errors).toBeGreaterThanOrEqual(1);
      expect(result.count).toBe(100);
    } finally {
      await close(server);
    }
  });
});
