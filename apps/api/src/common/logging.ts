import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { AppConfig } from '../config/app-config';

/**
 * Nest's own start-up lines: each module initialised, each route mapped, "started". Useful
 * when something fails to wire up (LOG_LEVEL=debug shows them), noise on every `npm start`.
 */
const NEST_START_CONTEXTS: ReadonlySet<string> = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
]);

/**
 * A path segment that can only be a token (participant links, invitation links, calendar
 * feeds: 40 characters or more of base64url, dots allowed). Ids (uuids, 36) stay readable; a
 * tenant slug of 40 characters or more is masked too, which costs a log reader little.
 */
const TOKEN_SEGMENT = /^[A-Za-z0-9_.-]{40,}$/;

/**
 * The request's target as logs may keep it: a link whose path carries its credential (the
 * participant's pages, an invitation, a private calendar) must not live on in log storage.
 */
export function redactUrl(url: string | undefined): string {
  if (!url) return '';
  const at = url.search(/[?#]/);
  const path = at < 0 ? url : url.slice(0, at);
  const rest = at < 0 ? '' : url.slice(at);
  return (
    path
      .split('/')
      .map((segment) => (TOKEN_SEGMENT.test(segment) ? '[token]' : segment))
      .join('/') + rest
  );
}

/**
 * The API's logger options. Production and tests log JSON, one line per request, as a log
 * collector wants them. Development logs for a person at a terminal: readable lines
 * (`stream`, from `developmentLogStream`), requests only at debug level and then one short
 * line each, and whatever goes wrong (warnings, errors, a request answered 5xx) in full.
 */
export function loggerParams(config: AppConfig, stream?: DestinationStream): Params {
  const options = {
    level: config.logLevel,
    genReqId: (request: IncomingMessage, response: ServerResponse) => {
      const given = request.headers['x-request-id'];
      const id = typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
      response.setHeader('x-request-id', id);
      return id;
    },
    redact: ['req.headers.cookie', 'req.headers["x-xsrf-token"]', 'res.headers["set-cookie"]'],
    serializers: {
      // pino-http hands the standard serialisation of the request: only its target changes.
      req: (request: { url?: string }) => ({ ...request, url: redactUrl(request.url) }),
    },
    autoLogging: { ignore: (request: IncomingMessage) => request.url === '/api/health' },
  };
  if (config.environment !== 'development') return { pinoHttp: options };
  const line = (request: IncomingMessage, response: ServerResponse, ms: number) =>
    `${request.method ?? ''} ${redactUrl(request.url)} ${response.statusCode} (${Math.round(ms)} ms)`;
  const development = {
    ...options,
    // Within a request, a log line carries the request's id, not the whole request.
    quietReqLogger: true,
    customLogLevel: (_request: IncomingMessage, response: ServerResponse, error?: Error) =>
      error || response.statusCode >= 500 ? ('error' as const) : ('debug' as const),
    customSuccessMessage: (request: IncomingMessage, response: ServerResponse, ms: number) =>
      line(request, response, ms),
    customErrorMessage: (request: IncomingMessage, response: ServerResponse, error: Error) =>
      `${line(request, response, 0).replace(/ \(0 ms\)$/, '')}: ${error.message}`,
  };
  return { pinoHttp: stream ? [development, stream] : development };
}

/**
 * Readable log lines for a terminal: time, level, where from, message; a stack in full.
 * pino-pretty is a development dependency, loaded only here; synchronous, so the lines keep
 * their order with what `main.ts` prints after start.
 */
export async function developmentLogStream(
  destination: NodeJS.WritableStream = process.stdout,
): Promise<DestinationStream> {
  const { build } = await import('pino-pretty');
  return build({
    destination,
    sync: true,
    colorize: 'isTTY' in destination && destination.isTTY === true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,context,reqId,req,res,responseTime',
    messageFormat: '{if context}{context}: {end}{msg}',
    singleLine: true,
  });
}

/** In development, Nest's start-up lines move to debug level; everything else passes through. */
export function quietStart(logger: LoggerService): LoggerService {
  return {
    log: (message: unknown, ...rest: unknown[]) => {
      const context = rest[rest.length - 1];
      if (typeof context === 'string' && NEST_START_CONTEXTS.has(context))
        logger.debug?.(message, ...rest);
      else logger.log(message, ...rest);
    },
    error: (message: unknown, ...rest: unknown[]) => logger.error(message, ...rest),
    warn: (message: unknown, ...rest: unknown[]) => logger.warn(message, ...rest),
    debug: (message: unknown, ...rest: unknown[]) => logger.debug?.(message, ...rest),
    verbose: (message: unknown, ...rest: unknown[]) => logger.verbose?.(message, ...rest),
    fatal: (message: unknown, ...rest: unknown[]) => logger.fatal?.(message, ...rest),
  };
}
