import { existsSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { problemType } from '@convene/contracts';
import fastifyCookie from '@fastify/cookie';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { CSRF_COOKIE, SESSION_COOKIE } from './common/cookie-names';
import { registerCsrf } from './common/csrf';
import { developmentLogStream, quietStart } from './common/logging';
import { registerRequestRateLimit } from './common/request-rate-limit';
import { registerSecurityHeaders } from './common/security-headers';
import { completeOpenApiDocument, CSRF_SCHEME, SESSION_SCHEME } from './common/openapi';
import { assertRouteAccess } from './common/route-access-check';
import { sendProblem } from './common/problem-details.filter';
import type { AppConfig } from './config/app-config';
import { type Databases, openDatabases } from './db/data-source.factory';
import { DevMailCatcher } from './mail/dev-mail-catcher';
import { TextExtractionWorker } from './documents/text-extraction-worker';
import { RetentionWorker } from './privacy/retention-worker';
import { type MailWorker, mailWorkerFor } from './mail/mail-worker';
import { type ObjectStore, storeFor } from './storage/storage';
import { isSharedWebFile, registerApiCompression, registerWebStatic } from './serving';

/** The routes whose body is a file (application/octet-stream). */
function isUploadRoute(url: string | undefined): boolean {
  return (
    url === '/api/t/:tenant/events/:eventId/documents' ||
    url === '/api/t/:tenant/documents' ||
    url === '/api/t/:tenant/documents/:documentId/versions' ||
    url === '/api/t/:tenant/experts/:userId/cv' ||
    url === '/api/t/:tenant/me/expert-profile/cv' ||
    url === '/api/t/:tenant/requests/:requestId/attachments' ||
    url === '/api/t/:tenant/requests/:requestId/officer-attachments'
  );
}

export interface RunningApp {
  app: NestFastifyApplication;
  /** Every route registered with the HTTP server, as `METHOD /path`. */
  routes: string[];
  databases: Databases;
  devMail: DevMailCatcher | null;
  /** Null when mail goes nowhere (no SMTP) or a separate worker process sends it. */
  mailWorker: MailWorker | null;
  /** Where documents' bytes live. */
  store: ObjectStore;
  /** Null when another process extracts documents' text. */
  extraction: TextExtractionWorker | null;
  retention: RetentionWorker | null;
  close(): Promise<void>;
}

/** Builds the whole API (migrated database, mail, security headers, web app) without listening. */
export async function createApp(
  config: AppConfig,
  options: {
    silent?: boolean;
    /** In development, where the readable log lines go (stdout unless given). */
    logTo?: NodeJS.WritableStream;
  } = {},
): Promise<RunningApp> {
  const databases = await openDatabases(config);
  await databases.migrate();

  let devMail: DevMailCatcher | null = null;
  let smtpUrl = config.smtpUrl;
  if (!smtpUrl && config.devMailPort !== null) {
    devMail = new DevMailCatcher();
    const port = await devMail.start(config.devMailPort);
    smtpUrl = `smtp://127.0.0.1:${port}`;
  }

  // X-Forwarded-For is believed only from the proxies configured (none by default): the sign-in
  // limiter keys on the client's address, and a forged header must not buy a fresh allowance.
  const store = storeFor(config.storage);

  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    clientErrorHandler: answerClientError,
  });
  const development = config.environment === 'development' && !options.silent;
  const logStream = development ? await developmentLogStream(options.logTo) : undefined;
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register({ config, databases, devMail, store, logStream }),
    adapter,
    // Nest would add a form-urlencoded parser: bodies are JSON only (registered below).
    { bufferLogs: true, logger: options.silent ? false : undefined, bodyParser: false },
  );
  if (!options.silent) app.useLogger(development ? quietStart(app.get(Logger)) : app.get(Logger));
  app.flushLogs();

  const fastify = app.getHttpAdapter().getInstance();
  const routes: string[] = [];
  fastify.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) routes.push(`${method} ${route.url}`);
  });
  await app.register(fastifyCookie);
  registerSecurityHeaders(fastify, { secureCookies: config.secureCookies });
  // Before any route is added: it compresses the /api routes added after it.
  await registerApiCompression(fastify);
  // Counted before anything else may refuse a request, so refusals count too.
  registerRequestRateLimit(fastify, { limit: config.apiRateLimit, windowMs: 60_000 });
  registerCsrf(fastify, {
    secret: config.secret,
    secure: config.secureCookies,
    appOrigin: new URL(config.appUrl).origin,
    sharedPath: isSharedWebFile,
  });
  // The API speaks JSON only: a form, text or multipart body is refused with 415, so no HTML
  // form on another site can post to it. (An upload route will add multipart for itself.)
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: config.bodyLimitBytes },
    fastify.getDefaultJsonParser('error', 'error'),
  );
  // Uploads are the file's bytes as the body, on the upload routes only (a form on another site
  // cannot send this type, so CSRF stays as it was), up to the largest any tenant may allow.
  fastify.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: config.uploadMaxBytes },
    (request, body, done) => {
      if (!isUploadRoute(request.routeOptions.url)) {
        done(Object.assign(new Error('This route takes JSON'), { statusCode: 415 }), undefined);
        return;
      }
      done(null, body);
    },
  );

  app.setGlobalPrefix('api', {
    exclude: [
      { path: 'dev/mail', method: RequestMethod.GET },
      { path: 'dev/mail/messages', method: RequestMethod.GET },
    ],
  });

  const documentHead = new DocumentBuilder()
    .setTitle('Convene API')
    .setDescription(
      'Counter-terrorism capacity building: events, requests, assessments, deliveries. ' +
        'Errors are RFC 9457 problem details (application/problem+json).',
    )
    .setVersion('1')
    .addApiKey(
      {
        type: 'apiKey',
        in: 'cookie',
        name: SESSION_COOKIE,
        description: 'The session, set by signing in (HttpOnly, SameSite=Lax)',
      },
      SESSION_SCHEME,
    )
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'X-XSRF-TOKEN',
        description:
          'Every unsafe method (POST, PUT, PATCH, DELETE), signed in or not: echo the ' +
          `${CSRF_COOKIE} cookie the API sets, and send Origin or Sec-Fetch-Site of this origin`,
      },
      CSRF_SCHEME,
    )
    .addTag('auth', 'Signing in and out, password resets, accepting invitations')
    .addTag('me', "The signed-in person's own account")
    .addTag('calendar', 'Calendar feeds: the private one and each tenant’s public one')
    .addTag('member-states', 'The 193 Member States and 2 observer States')
    .addTag('tenants', 'The tenant as the caller sees it')
    .addTag('members', "A tenant's people and invitations")
    .addTag('events', "A tenant's events and their agendas")
    .addTag('recommendations', "Meetings' recommendations, their follow-up and the public list")
    .addTag('participants', "A participant's signed links and pages, and officers' hold on them")
    .addTag(
      'participation',
      "States invited to events and their answers, the Participation tab, attendance, certificates, an event's figures and its participant list",
    )
    .addTag('nominations', "People their State's focal points nominate, and officers' decisions")
    .addTag('mail', "A tenant's outgoing mail")
    .addTag('audit', "A tenant's audit log")
    .addTag('health', 'Whether the API and its database answer')
    .addTag('reports', 'The dashboard, the coverage map and a State’s page: aggregates only')
    .addTag(
      'tool delivery',
      "The tool's editions, deliveries to States, coverage and the IATI file",
    )
    .build();
  // Built on the first request for /api/docs (and -json, -yaml), not at start: turning every
  // route's zod schemas into JSON Schema takes about 1.5 s of CPU, which each start of the API
  // (npm start, every integration test file) would otherwise pay whether or not anyone reads it.
  SwaggerModule.setup('api/docs', app, () =>
    completeOpenApiDocument(cleanupOpenApiDoc(SwaggerModule.createDocument(app, documentHead))),
  );

  if (config.webDist && existsSync(join(config.webDist, 'index.html'))) {
    await registerWebStatic(fastify, config.webDist);
    // The SPA owns every other path; unknown /api and /dev paths stay 404 problems.
    fastify.get('/*', (request, reply) => {
      // The path as the router read it (decoded, any case), not as it was spelled.
      const path = decodedPath(request.url).toLowerCase();
      if (path.startsWith('/api/') || path.startsWith('/dev/')) {
        return sendProblem(reply, {
          type: problemType('not-found'),
          title: 'No such route',
          status: 404,
          instance: request.url,
        });
      }
      // Precompressed and revalidated like every file of the app (serving.ts).
      return reply.sendFile('index.html');
    });
  }

  await app.init();
  assertRouteAccess(app);

  let extraction: TextExtractionWorker | null = null;
  if (config.extractionWorker === 'in-process') {
    const logger = app.get(Logger);
    extraction = new TextExtractionWorker(databases.app, store, {
      log: (message) => logger.warn(message),
    });
    extraction.start();
  }

  let retention: RetentionWorker | null = null;
  if (config.retentionWorker === 'in-process') {
    const logger = app.get(Logger);
    retention = new RetentionWorker(databases.app, store, {
      sessionsDays: config.sessionRetentionDays,
      log: (message) => logger.warn(message),
    });
    // With the demo to seed, main.ts starts it once the demo is there: a run during the seeding
    // would find the demo's history half written and mark the day done.
    if (!config.seedDemo) retention.start();
  }

  let mailWorker: MailWorker | null = null;
  if (smtpUrl && config.mailWorker === 'in-process') {
    const logger = app.get(Logger);
    mailWorker = mailWorkerFor(databases.app, config, smtpUrl, (message) => logger.warn(message));
    mailWorker.start();
  }

  return {
    app,
    routes,
    databases,
    devMail,
    mailWorker,
    store,
    extraction,
    retention,
    async close() {
      await extraction?.stop();
      await retention?.stop();
      await mailWorker?.stop();
      await app.close();
      await devMail?.stop();
      await databases.close();
    },
  };
}

/**
 * Requests the HTTP parser refuses before any route sees them (headers too large, a malformed
 * request line, a client too slow) answer problem+json like every other refusal.
 */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, title] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'The request headers or address are too large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'The request took too long to arrive']
        : [400, 'The request could not be read'];
  const body = JSON.stringify({
    type: `/problems/${status === 400 ? 'bad-request' : `http-${status}`}`,
    title,
    status,
  });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/problem+json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

function decodedPath(url: string): string {
  const path = url.split('?')[0] ?? '';
  try {
    return decodeURIComponent(path).replace(/\/{2,}/g, '/');
  } catch {
    return path;
  }
}
