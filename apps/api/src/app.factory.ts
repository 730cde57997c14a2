import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { registerCsrf } from './common/csrf';
import { sendProblem } from './common/problem-details.filter';
import type { AppConfig } from './config/app-config';
import { type Databases, openDatabases } from './db/data-source.factory';
import { DevMailCatcher } from './mail/dev-mail-catcher';
import { type MailWorker, mailWorkerFor } from './mail/mail-worker';

export interface RunningApp {
  app: NestFastifyApplication;
  /** Every route registered with the HTTP server, as `METHOD /path`. */
  routes: string[];
  databases: Databases;
  devMail: DevMailCatcher | null;
  /** Null when mail goes nowhere (no SMTP) or a separate worker process sends it. */
  mailWorker: MailWorker | null;
  close(): Promise<void>;
}

/** Builds the whole API (migrated database, mail, security headers, web app) without listening. */
export async function createApp(
  config: AppConfig,
  options: { silent?: boolean } = {},
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

  const adapter = new FastifyAdapter({ bodyLimit: config.bodyLimitBytes, trustProxy: true });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register({ config, databases, devMail }),
    adapter,
    { bufferLogs: true, logger: options.silent ? false : undefined },
  );
  if (!options.silent) app.useLogger(app.get(Logger));
  app.flushLogs();

  const fastify = app.getHttpAdapter().getInstance();
  const routes: string[] = [];
  fastify.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) routes.push(`${method} ${route.url}`);
  });
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        fontSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    hsts: config.secureCookies,
  });
  registerCsrf(fastify, config.secret, config.secureCookies);
  // The API speaks JSON only: any other body is refused with 415.
  fastify.removeContentTypeParser('text/plain');

  app.setGlobalPrefix('api', {
    exclude: [
      { path: 'dev/mail', method: RequestMethod.GET },
      { path: 'dev/mail/messages', method: RequestMethod.GET },
    ],
  });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Convene API')
      .setDescription(
        'Counter-terrorism capacity building: events, requests, assessments, deliveries.',
      )
      .setVersion('1')
      .addCookieAuth('convene_session')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, cleanupOpenApiDoc(document));

  if (config.webDist && existsSync(join(config.webDist, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: config.webDist,
      prefix: '/',
      wildcard: false,
      index: false,
    });
    // The SPA owns every other path; unknown /api and /dev paths stay 404 problems.
    fastify.get('/*', (request, reply) => {
      if (request.url.startsWith('/api/') || request.url.startsWith('/dev/')) {
        return sendProblem(reply, {
          type: '/problems/not-found',
          title: 'No such route',
          status: 404,
          instance: request.url,
        });
      }
      return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    });
  }

  await app.init();

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
    async close() {
      await mailWorker?.stop();
      await app.close();
      await devMail?.stop();
      await databases.close();
    },
  };
}
