import type { ProblemDetails } from '@convene/contracts';
import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZodValidationException } from 'nestjs-zod';
import { ZodError } from 'zod';
import { AppException } from './app-exception';

const PROBLEM_BASE = '/problems/';

/** Maps anything thrown while handling a request to RFC 9457 problem details. */
export function toProblem(error: unknown, instance?: string): ProblemDetails {
  if (error instanceof AppException) {
    return strip({
      type: PROBLEM_BASE + error.code,
      title: error.title,
      status: error.status,
      detail: error.detail,
      errors: error.errors,
      instance,
    });
  }
  if (error instanceof ZodValidationException) {
    const zodError = error.getZodError();
    return {
      type: PROBLEM_BASE + 'validation',
      title: 'The request is not valid',
      status: 400,
      errors: zodError instanceof ZodError ? zodIssues(zodError) : [],
      instance,
    };
  }
  if (error instanceof ThrottlerException) {
    return {
      type: PROBLEM_BASE + 'rate-limited',
      title: 'Too many attempts; wait a minute and try again',
      status: 429,
      instance,
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return { type: PROBLEM_BASE + httpCode(status), title: error.message, status, instance };
  }
  // Fastify's own errors (body too large, malformed JSON, wrong content type).
  const fastifyError = error as { statusCode?: number; code?: string; message?: string };
  if (
    typeof fastifyError.statusCode === 'number' &&
    fastifyError.statusCode >= 400 &&
    fastifyError.statusCode < 500
  ) {
    const status = fastifyError.statusCode;
    return {
      type: PROBLEM_BASE + httpCode(status),
      title: fastifyTitle(fastifyError.code) ?? fastifyError.message ?? 'Bad request',
      status,
      instance,
    };
  }
  return {
    type: PROBLEM_BASE + 'internal',
    title: 'Something went wrong on our side',
    status: 500,
    instance,
  };
}

export function zodIssues(error: ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

function httpCode(status: number): string {
  const names: Record<number, string> = {
    400: 'bad-request',
    401: 'unauthenticated',
    403: 'forbidden',
    404: 'not-found',
    405: 'method-not-allowed',
    409: 'conflict',
    413: 'payload-too-large',
    415: 'unsupported-media-type',
    429: 'rate-limited',
  };
  return names[status] ?? `http-${status}`;
}

function fastifyTitle(code: string | undefined): string | undefined {
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The request body is too large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Send the request body as application/json';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'The request body is not valid JSON';
    default:
      return code?.startsWith('FST_ERR_CTP') ? 'The request body could not be read' : undefined;
  }
}

function strip<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function sendProblem(reply: FastifyReply, problem: ProblemDetails): void {
  void reply
    .status(problem.status)
    .header('content-type', 'application/problem+json')
    .send(problem);
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const problem = toProblem(error, request.url);
    if (problem.status >= 500) {
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    sendProblem(http.getResponse<FastifyReply>(), problem);
  }
}
