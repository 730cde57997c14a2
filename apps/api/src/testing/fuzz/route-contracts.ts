import { type INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import type { ZodType } from 'zod';

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
  const contracts: RouteContract[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype;
      if (typeof type !== 'function') continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, type) ?? '');
      const prototype = type.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method: unknown = Reflect.getMetadata(METHOD_METADATA, handler);
        if (typeof method !== 'number') continue;
        const own = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
        const path = ('/' + [prefix, base, own].filter(Boolean).join('/'))
          .replace(/\/+/g, '/')
          .replace(/\/$/, '');
        const types = (Reflect.getMetadata('design:paramtypes', prototype, name) ??
          []) as unknown[];
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, type, name) ?? {}) as Record<
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
        const methodName = RequestMethod[method];
        // A number Nest does not know would be a Nest upgrade renumbering its enum: fail loudly.
        if (methodName === undefined)
          throw new Error(`${type.name}.${name}: unknown method ${method}`);
        contracts.push({
          key: `${methodName} ${path}`,
          method: methodName,
          path,
          params: [...path.matchAll(/:(\w+)/g)].map((match) => match[1] ?? ''),
          body,
          query,
          response: responseOf(handler),
        });
      }
    }
  }
  return contracts;
}
