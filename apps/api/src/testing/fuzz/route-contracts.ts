import type { INestApplication } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { ZodType } from 'zod';
import { controllerRoutes } from '../../common/controller-routes';

/** What a route accepts, read from the controllers themselves: new routes are fuzzed unasked. */
export interface RouteContract {
  /** `METHOD /api/path/:param`, as route-access.ts names it. */
  key: string;
  method: string;
  path: string;
  params: string[];
  body: ZodType | null;
  query: ZodType | null;
  /** The success body the route declares (`@ZodResponse`), if it answers JSON. */
  response: ZodType | null;
}

/** Where nestjs-zod's `@ZodResponse` keeps the declared DTO (or `[DTO]` for a list). */
const RESPONSE_METADATA = 'ZOD_SERIALIZER_DTO_OPTIONS';

function responseOf(handler: object): ZodType | null {
  const declared: unknown = Reflect.getMetadata(RESPONSE_METADATA, handler);
  if (Array.isArray(declared)) {
    const item = schemaOf(declared[0]);
    return item ? item.array() : null;
  }
  return schemaOf(declared);
}

interface RouteArgument {
  index: number;
  data?: unknown;
}

/** The zod schema behind a nestjs-zod DTO class, if the parameter has one. */
function schemaOf(type: unknown): ZodType | null {
  if (typeof type !== 'function') return null;
  const schema = (type as { schema?: unknown }).schema;
  return schema && typeof schema === 'object' && 'safeParse' in schema ? (schema as ZodType) : null;
}

export function routeContracts(app: INestApplication, prefix = 'api'): RouteContract[] {
  return controllerRoutes(app, prefix).map(({ controller, name, handler, method, path }) => {
    const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, name) ??
      []) as unknown[];
    const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<
      string,
      RouteArgument
    >;
    let body: ZodType | null = null;
    let query: ZodType | null = null;
    for (const [key, argument] of Object.entries(args)) {
      const kind = Number(key.split(':')[0]);
      if (kind === RouteParamtypes.BODY) body = schemaOf(types[argument.index]);
      if (kind === RouteParamtypes.QUERY && argument.data === undefined)
        query = schemaOf(types[argument.index]);
    }
    return {
      key: `${method} ${path}`,
      method,
      path,
      params: [...path.matchAll(/:(\w+)/g)].map((match) => match[1] ?? ''),
      body,
      query,
      response: responseOf(handler),
    };
  });
}
