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
    autoLogging: { ignore: (request: IncomingMessage) => request.url === '/api/health' },
  };
  if (config.environment !== 'development') return { pinoHttp: options };
  const line = (request: IncomingMessage, response: ServerResponse, ms: number) =>
    `${request.method ?? ''} ${request.url ?? ''} ${response.statusCode} (${Math.round(ms)} ms)`;
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
