import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger';
import { ROUTE_ACCESS, type RouteKey } from '../access/route-access';
import { startTestApp, type TestApp } from '../testing/test-app';
import { CSRF_SCHEME, PROBLEM_MEDIA_TYPE, PROBLEM_SCHEMA, SESSION_SCHEME } from './openapi';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
type Method = (typeof METHODS)[number];

/** `GET /api/t/:tenant` as the document spells it: `/api/t/{tenant}`, `get`. */
function documented(route: RouteKey): { path: string; method: Method } {
  const [verb = '', path = ''] = route.split(' ');
  return {
    path: path.replace(/:(\w+)/g, '{$1}'),
    method: verb.toLowerCase() as Method,
  };
}

const isPublic = (route: RouteKey) => ROUTE_ACCESS[route] === 'public';
const routes = Object.keys(ROUTE_ACCESS) as RouteKey[];

describe('the OpenAPI document at /api/docs-json', () => {
  let app: TestApp;
  let document: OpenAPIObject;

  beforeAll(async () => {
    app = await startTestApp({ driver: 'pglite' });
    const answer = await app.client().request('GET', '/api/docs-json');
    expect(answer.status).toBe(200);
    document = answer.body as OpenAPIObject;
  });
  afterAll(() => app.close());

  const operation = (route: RouteKey): OperationObject => {
    const { path, method } = documented(route);
    const found = document.paths[path]?.[method];
    if (!found) throw new Error(`${route} is not in the document`);
    return found;
  };
  const response = (route: RouteKey, status: string): ResponseObject | undefined =>
    operation(route).responses[status] as ResponseObject | undefined;

  it('describes every route of the access table, and no other', () => {
    const inDocument = Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.filter((method) => item[method]).map(
        (method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
      ),
    );
    expect(inDocument.sort()).toEqual([...routes].sort());
  });

  it.each(routes)('%s: declares its success body with a schema, or answers none', (route) => {
    const successes = Object.entries(operation(route).responses).filter(([status]) =>
      /^2\d\d$/.test(status),
    );
    expect(successes).toHaveLength(1);
    const [[status, answer]] = successes as [[string, ResponseObject]];
    if (status === '204' || status === '202') {
      expect(answer.content).toBeUndefined();
    } else {
      const media = Object.values(answer.content ?? {});
      expect(media.length).toBeGreaterThan(0);
      for (const { schema } of media) expect(schema).toBeDefined();
    }
  });

  it.each(routes)('%s: declares its refusals as problem details', (route) => {
    const problems = Object.entries(operation(route).responses).filter(([status]) =>
      /^[45]\d\d$/.test(status),
    );
    expect(problems.map(([status]) => status)).toContain('500');
    for (const [, answer] of problems as [string, ResponseObject][]) {
      expect(Object.keys(answer.content ?? {})).toEqual([PROBLEM_MEDIA_TYPE]);
      expect(answer.content?.[PROBLEM_MEDIA_TYPE]?.schema).toEqual({
        $ref: `#/components/schemas/${PROBLEM_SCHEMA}`,
      });
    }
  });

  it.each(routes)('%s: requires the session and the CSRF token where the API does', (route) => {
    const { method } = documented(route);
    const expected: Record<string, string[]> = {};
    if (!isPublic(route)) expected[SESSION_SCHEME] = [];
    if (method !== 'get') expected[CSRF_SCHEME] = [];
    expect(operation(route).security).toEqual(Object.keys(expected).length > 0 ? [expected] : []);
    // A public route may answer 401 too (sign-in, for a wrong password), but only these must.
    if (!isPublic(route))
      expect(response(route, '401')?.description).toContain('/problems/unauthenticated');
    if (method !== 'get') expect(response(route, '403')?.description).toContain('/problems/csrf');
  });

  it.each(routes)('%s: bounds each of its path parameters', (route) => {
    const { path } = documented(route);
    const names = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
    const declared = (operation(route).parameters ?? []).filter(
      (parameter): parameter is ParameterObject => 'in' in parameter && parameter.in === 'path',
    );
    expect(declared.map((parameter) => parameter.name)).toEqual(names);
    for (const parameter of declared) {
      const schema = parameter.schema as SchemaObject;
      expect(parameter.required).toBe(true);
      expect(schema.maxLength).toBeGreaterThan(0);
      expect(schema.format ?? schema.pattern).toBeDefined();
    }
  });

  it('declares the session cookie and the CSRF header as security schemes', () => {
    expect(document.components?.securitySchemes).toEqual({
      [SESSION_SCHEME]: expect.objectContaining({
        type: 'apiKey',
        in: 'cookie',
        name: 'convene_session',
      }),
      [CSRF_SCHEME]: expect.objectContaining({
        type: 'apiKey',
        in: 'header',
        name: 'X-XSRF-TOKEN',
      }),
    });
  });

  it('declares the headers the sign-in limiter really sends', async () => {
    const declared = Object.keys(response('POST /api/auth/login', '401')?.headers ?? {});
    expect(declared).toEqual(expect.arrayContaining(['X-RateLimit-Limit-address']));
    expect(Object.keys(response('POST /api/auth/login', '429')?.headers ?? {})).toContain(
      'Retry-After',
    );
    const answer = await app.client().request('POST', '/api/auth/login', {
      body: { email: 'nobody@example.org', password: 'not the password' },
    });
    expect(answer.status).toBe(401);
    for (const name of declared) expect(answer.headers.get(name)).not.toBeNull();
  });
});
