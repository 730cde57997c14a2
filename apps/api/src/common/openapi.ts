import {
  PATH_PARAMETERS,
  type PathParameterName,
  type ProblemCode,
  ProblemDetails,
  problemType,
} from '@convene/contracts';
import {
  ApiExtension,
  ApiResponse,
  type OpenAPIObject,
  type OperationObject,
  type ParameterObject,
  type ReferenceObject,
  type ResponseObject,
  type SchemaObject,
  type SecurityRequirementObject,
} from '@nestjs/swagger';
import { z } from 'zod';
import { ROUTE_ACCESS, type RouteAccess } from '../access/route-access';

/*
 * What the OpenAPI document says beyond the controllers' own decorators. The controllers
 * declare their bodies (from the contracts) and the problems particular to each operation; the
 * rest follows from one table, ROUTE_ACCESS, which the isolation tests hold the guards to: who
 * may call the operation (security schemes, 401, 403), and what every operation of its kind may
 * answer (400, 404, 413, 415, 500).
 */

export const SESSION_SCHEME = 'session';
export const CSRF_SCHEME = 'csrf';
export const PROBLEM_SCHEMA = 'ProblemDetails';
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** The extension that marks an operation guarded by the sign-in limiter (LoginThrottlerGuard). */
const LOGIN_RATE_LIMIT = 'x-convene-rate-limit';
/** The sign-in limiter's allowances, by @nestjs/throttler name (loginThrottlers). */
export type LoginThrottler = 'address' | 'account';

export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 500;

const STATUS_MEANING: Record<ProblemStatus, string> = {
  400: 'The request is not valid',
  401: 'No session, or it has ended',
  403: 'Refused',
  404: 'Not found',
  409: 'Conflicts with the data as it stands',
  410: 'Gone: the link expired, was used or was revoked',
  413: 'The request body is too large',
  415: 'The request body is not application/json',
  422: 'A value is outside what is allowed',
  429: 'Too many attempts',
  500: 'Something went wrong on our side',
};

const problemResponse = (status: ProblemStatus, codes: readonly ProblemCode[]): ResponseObject => ({
  description: `${STATUS_MEANING[status]}: ${codes.map((code) => `\`${problemType(code)}\``).join(', ')}`,
  content: {
    [PROBLEM_MEDIA_TYPE]: { schema: { $ref: `#/components/schemas/${PROBLEM_SCHEMA}` } },
  },
});

/** Declares a problem this operation answers with, beyond those its kind always may. */
export const ApiProblem = (status: ProblemStatus, ...codes: [ProblemCode, ...ProblemCode[]]) =>
  ApiResponse({ status, ...problemResponse(status, codes) });

/**
 * Marks an operation guarded by LoginThrottlerGuard, with the allowances that count it (the
 * per-account one skips a request that names no email): its answers carry the limiter's
 * headers and it may answer 429 with Retry-After.
 */
export const ApiLoginRateLimit = (...throttlers: [LoginThrottler, ...LoginThrottler[]]) =>
  ApiExtension(LOGIN_RATE_LIMIT, throttlers);

/** The document's JSON schema of a contract, as OpenAPI 3.0 writes it. */
function openApiSchema(schema: z.ZodType): SchemaObject {
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'output' }) as Record<
    string,
    unknown
  >;
  delete json['$schema'];
  delete json['id'];
  return json as SchemaObject;
}

const SAFE_METHODS = new Set(['get', 'head', 'options']);
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

const isReference = (value: object): value is ReferenceObject => '$ref' in value;

/** Completes the document Nest built from the controllers; see the comment at the top. */
export function completeOpenApiDocument(document: OpenAPIObject): OpenAPIObject {
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas[PROBLEM_SCHEMA] = openApiSchema(ProblemDetails);
  // The API serves the web app from the same origin, in every environment; its audience is
  // the public (browsers), not an internal network.
  document.servers = [
    Object.assign(
      { url: '/', description: 'This origin, in production as in local development' },
      { 'x-internal': false },
    ),
  ];
  const access: Readonly<Record<string, RouteAccess>> = ROUTE_ACCESS;
  for (const [path, item] of Object.entries(document.paths)) {
    const routePath = path.replace(/\{(\w+)\}/g, ':$1');
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const rule = access[`${method.toUpperCase()} ${routePath}`];
      describeOperation(operation, path, method, rule);
    }
  }
  return document;
}

function describeOperation(
  operation: OperationObject,
  path: string,
  method: (typeof METHODS)[number],
  // A route the table lacks is described as needing a session (the guard's default); the
  // OpenAPI test fails for it, as the isolation tests do.
  rule: RouteAccess | undefined,
): void {
  const unsafe = !SAFE_METHODS.has(method);
  const isPublic = rule === 'public';
  const needsPermission = rule !== undefined && rule !== 'public' && rule !== 'authenticated';

  const requirement: SecurityRequirementObject = {};
  if (!isPublic) requirement[SESSION_SCHEME] = [];
  if (unsafe) requirement[CSRF_SCHEME] = [];
  // An empty list says "no credentials" outright, rather than "whatever the document's default".
  operation.security = Object.keys(requirement).length > 0 ? [requirement] : [];

  declarePathParameters(operation, path);

  const responses = operation.responses;
  const add = (status: ProblemStatus, codes: readonly ProblemCode[]) => {
    responses[String(status)] ??= problemResponse(status, codes);
  };
  const parameters = (operation.parameters ?? []).filter(
    (parameter): parameter is ParameterObject => !isReference(parameter),
  );
  const takesQuery = parameters.some((parameter) => parameter.in === 'query');
  // Fastify reads a body on any unsafe method, so a malformed one is refused even where none
  // is expected; a GET's input is its query and path alone.
  if (unsafe || takesQuery || operation.requestBody) add(400, ['validation', 'bad-request']);
  if (takesQuery) appendCode(responses['400'], 'invalid-cursor');
  if (!isPublic) add(401, ['unauthenticated']);
  const forbidden: ProblemCode[] = [];
  if (needsPermission) forbidden.push('forbidden');
  if (unsafe) forbidden.push('csrf');
  if (forbidden.length > 0) add(403, forbidden);
  // A tenant the caller is no member of, and an id of no row the caller may see, both answer
  // 404, never 403 (no existence oracle).
  if (path.includes('{')) add(404, ['not-found']);
  if (unsafe) {
    add(413, ['payload-too-large']);
    add(415, ['unsupported-media-type']);
  }
  add(500, ['internal']);
  declareRequestRateLimit(responses);

  const throttlers: unknown = Reflect.get(operation, LOGIN_RATE_LIMIT);
  if (Array.isArray(throttlers)) declareLoginRateLimit(responses, throttlers.map(String));
}

function appendCode(response: ResponseObject | ReferenceObject | undefined, code: ProblemCode) {
  if (!response || isReference(response)) return;
  const type = `\`${problemType(code)}\``;
  if (!response.description.includes(type)) response.description += `, ${type}`;
}

function declarePathParameters(operation: OperationObject, path: string): void {
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');
  const others = (operation.parameters ?? []).filter(
    (parameter) => isReference(parameter) || parameter.in !== 'path',
  );
  const declared: ParameterObject[] = names.map((name) => {
    const contract = PATH_PARAMETERS[name as PathParameterName] as z.ZodType | undefined;
    return {
      name,
      in: 'path',
      required: true,
      // A name the contracts lack keeps a bare string, which Spectral refuses: the lint, not
      // the boot, is where a new parameter is caught.
      schema: contract ? openApiSchema(contract) : { type: 'string' },
    };
  });
  operation.parameters = [...declared, ...others];
}

const integerHeader = (description: string) => ({
  description,
  schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 2_147_483_647 } as const,
});

/**
 * The general request limiter (common/request-rate-limit.ts) answers every request with the IETF
 * RateLimit headers, and a caller past its allowance with 429 and Retry-After.
 */
function declareRequestRateLimit(responses: OperationObject['responses']) {
  const headers = {
    'RateLimit-Limit': integerHeader('Requests this caller may make per window'),
    'RateLimit-Remaining': integerHeader('Requests left in this window'),
    'RateLimit-Reset': integerHeader('Seconds until the window ends'),
  };
  responses['429'] ??= problemResponse(429, ['rate-limited']);
  for (const [status, response] of Object.entries(responses)) {
    if (!response || isReference(response) || !/^[24]/.test(status)) continue;
    response.headers = { ...headers, ...response.headers };
  }
  const tooMany = responses['429'];
  if (tooMany && !isReference(tooMany)) {
    tooMany.headers = {
      ...tooMany.headers,
      'Retry-After': integerHeader('Seconds to wait before trying again'),
    };
  }
}

/**
 * The headers @nestjs/throttler sends for each named allowance once it has counted the request
 * (so not on a refusal before the guard, such as a CSRF 403: hence optional), and on a 429 the
 * Retry-After that LoginThrottlerGuard sets beside the throttler's own Retry-After-<name>.
 */
function declareLoginRateLimit(responses: OperationObject['responses'], throttlers: string[]) {
  const integer = (description: string) => ({
    description,
    schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 2_147_483_647 } as const,
  });
  const headers: Record<string, ReturnType<typeof integer>> = {};
  for (const name of throttlers) {
    headers[`X-RateLimit-Limit-${name}`] = integer(`Attempts allowed per window (per ${name})`);
    headers[`X-RateLimit-Remaining-${name}`] = integer(`Attempts left in this window (${name})`);
    headers[`X-RateLimit-Reset-${name}`] = integer(`Seconds until the window ends (${name})`);
  }
  responses['429'] ??= problemResponse(429, ['rate-limited']);
  for (const [status, response] of Object.entries(responses)) {
    if (!response || isReference(response) || !/^[24]/.test(status)) continue;
    response.headers = { ...response.headers, ...headers };
  }
  const tooMany = responses['429'];
  if (tooMany && !isReference(tooMany)) {
    tooMany.headers = {
      ...tooMany.headers,
      'Retry-After': integer('Seconds to wait before trying again'),
      ...Object.fromEntries(
        throttlers.map((name) => [
          `Retry-After-${name}`,
          integer(`Seconds until the ${name} allowance is open again, when it ran out`),
        ]),
      ),
    };
  }
}
