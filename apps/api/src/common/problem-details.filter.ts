import { type ProblemCode, type ProblemDetails, problemType } from '@convene/contracts';
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
import { QueryFailedError } from 'typeorm';
import { ZodError } from 'zod';
import { AppException } from './app-exception';
import { redactUrl } from './logging';

/** Maps anything thrown while handling a request to RFC 9457 problem details. */
export function toProblem(error: unknown, instance?: string): ProblemDetails {
  if (error instanceof AppException) {
    return strip({
      type: problemType(error.code),
      title: error.title,
      status: error.status,
      detail: error.detail,
      errors: error.errors,
      ...error.extensions,
      instance,
    });
  }
  if (error instanceof ZodValidationException) {
    const zodError = error.getZodError();
    return {
      type: problemType('validation'),
      title: 'The request is not valid',
      status: 400,
      errors: zodError instanceof ZodError ? zodIssues(zodError) : [],
      instance,
    };
  }
  if (error instanceof ThrottlerException) {
    return {
      type: problemType('rate-limited'),
      title: 'Too many attempts; wait a minute and try again',
      status: 429,
      instance,
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return { type: `/problems/${httpCode(status)}`, title: error.message, status, instance };
  }
  const database = databaseRefusal(error);
  if (database) return { ...database.problem, instance };
  // Fastify's own errors (body too large, malformed JSON, wrong content type).
  const fastifyError = error as { statusCode?: number; code?: string; message?: string };
  if (
    typeof fastifyError.statusCode === 'number' &&
    fastifyError.statusCode >= 400 &&
    fastifyError.statusCode < 500
  ) {
    const status = fastifyError.statusCode;
    return {
      type: `/problems/${httpCode(status)}`,
      title: fastifyTitle(fastifyError.code) ?? fastifyError.message ?? 'Bad request',
      status,
      instance,
    };
  }
  return {
    type: problemType('internal'),
    title: 'Something went wrong on our side',
    status: 500,
    instance,
  };
}

/**
 * What PostgreSQL refuses because of what a request carried, by SQLSTATE. The
 * contracts refuse such input first; this is the last line of defence, so an
 * input they let through still gets a 4xx rather than a 500. Only these codes:
 * a whole class would also turn our own bugs (22012 division by zero, 23502 a
 * column we forgot) into the caller's fault.
 *
 * A foreign key (23503) answers 409 like a duplicate: the request is well
 * formed but conflicts with the data as it stands (it names a row that does
 * not exist, or one that is still referred to), and PostgreSQL's SQLSTATE
 * alone does not say which, without parsing its localised message.
 */
const DATABASE_PROBLEMS: Readonly<Record<string, Omit<ProblemDetails, 'instance'>>> = (() => {
  const conflict = {
    type: problemType('conflict'),
    title: 'This conflicts with the data as it stands: something it names is missing or taken',
    status: 409,
  };
  const invalid = {
    type: problemType('bad-request'),
    title: 'A value in the request cannot be stored: check its dates, numbers and characters',
    status: 400,
  };
  return {
    '23503': conflict, // foreign_key_violation
    '23505': conflict, // unique_violation
    '23P01': conflict, // exclusion_violation
    '23514': {
      // check_violation
      type: problemType('unprocessable'),
      title: 'A value in the request is outside what is allowed',
      status: 422,
    },
    '22001': invalid, // string_data_right_truncation
    '22003': invalid, // numeric_value_out_of_range
    '22007': invalid, // invalid_datetime_format
    '22008': invalid, // datetime_field_overflow
    '22021': invalid, // character_not_in_repertoire (a NUL in text)
    '22P02': invalid, // invalid_text_representation
    '22P05': invalid, // untranslatable_character
    '54000': {
      // program_limit_exceeded
      type: problemType('bad-request'),
      title: 'The request is too large or too complex to process',
      status: 400,
    },
  };
})();

/** The SQLSTATE of an error PostgreSQL (through pg and TypeORM, or PGlite) answered with. */
function sqlState(error: unknown): string | undefined {
  const cause: unknown = error instanceof QueryFailedError ? error.driverError : error;
  // pg's and PGlite's DatabaseError carry the server's severity; a Node system
  // error (EPIPE) has a code too, but is no answer from the database.
  if (!(cause instanceof Error) || !('severity' in cause) || !('code' in cause)) return undefined;
  return typeof cause.code === 'string' ? cause.code : undefined;
}

function databaseRefusal(
  error: unknown,
): { code: string; problem: Omit<ProblemDetails, 'instance'> } | undefined {
  const code = sqlState(error);
  const problem = code === undefined ? undefined : DATABASE_PROBLEMS[code];
  return code !== undefined && problem ? { code, problem } : undefined;
}

export function zodIssues(error: ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/** A status Nest or Fastify refused with, by its code; one the list lacks keeps its number. */
function httpCode(status: number): ProblemCode | `http-${number}` {
  const names: Partial<Record<number, ProblemCode>> = {
    400: 'bad-request',
    401: 'unauthenticated',
    403: 'forbidden',
    404: 'not-found',
    405: 'method-not-allowed',
    409: 'conflict',
    413: 'payload-too-large',
    415: 'unsupported-media-type',
    422: 'unprocessable',
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
    } else {
      const refusal = databaseRefusal(error);
      // The body says nothing of the SQL; the log keeps what an engineer needs
      // to find the input the contracts should have refused.
      if (refusal) {
        this.logger.warn(
          `PostgreSQL refused ${request.method} ${redactUrl(request.url)} with ${refusal.code}: ` +
            (error instanceof Error ? error.message : String(error)),
        );
      }
    }
    sendProblem(http.getResponse<FastifyReply>(), problem);
  }
}
