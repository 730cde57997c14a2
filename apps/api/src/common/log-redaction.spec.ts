import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pinoHttp from 'pino-http';
import { loadConfig } from '../config/app-config';
import { loggerParams, redactUrl } from './logging';

/** Shaped like a participant link's token: 51 characters, a dot, 43. */
const TOKEN = `${'Ab0_-'.repeat(10)}A.${'Zz9-_'.repeat(8)}Zz9`;

describe('tokens in URLs stay out of the logs', () => {
  it.each([
    [`/api/participant/${TOKEN}`, '/api/participant/[token]'],
    [`/api/participant/decision/${TOKEN}`, '/api/participant/decision/[token]'],
    [`/api/participant/${TOKEN}/check-in.svg`, '/api/participant/[token]/check-in.svg'],
    [`/p/decision/${TOKEN}?lang=ar`, '/p/decision/[token]?lang=ar'],
    [`/api/calendar/${'a'.repeat(43)}/events.ics`, '/api/calendar/[token]/events.ics'],
    [
      '/api/t/alpha/events/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/nominations',
      '/api/t/alpha/events/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/nominations',
    ],
    ['/api/health', '/api/health'],
  ])('writes %s as %s', (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });

  it("masks the token in the request's log line as the API writes it in production", async () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      APP_SECRET: 'production-secret-production-secret-0123',
      DATABASE_URL: 'postgres://convene@db.example/convene',
    });
    const options = loggerParams(config).pinoHttp;
    if (!options || Array.isArray(options) || 'write' in options)
      throw new Error('production passes pino-http options alone');
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = pinoHttp(options, stream);
    const server: Server = createServer((request, response) => {
      logger(request, response);
      response.statusCode = 410;
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await fetch(`http://127.0.0.1:${port}/api/participant/decision/${TOKEN}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    const text = lines.join('');
    expect(text).toContain('/api/participant/decision/[token]');
    expect(text).not.toContain(TOKEN.slice(0, 20));
    expect(text).not.toContain(TOKEN.slice(-20));
  });
});
