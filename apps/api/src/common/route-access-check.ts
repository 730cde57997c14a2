import { type INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { PUBLIC_ROUTE, REQUIRED_PERMISSION } from './access.decorators';

/**
 * Stops the boot when a route's access declaration cannot mean what it says: the request
 * interceptor checks a permission only against the membership of the tenant named by a
 * `:tenant` parameter, so a permission on a route without one would be silently ignored, and a
 * tenant route without a permission would answer 403 to everyone.
 */
export function assertRouteAccess(app: INestApplication, prefix = 'api'): void {
  const problems: string[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype;
      if (typeof type !== 'function') continue;
      const base = paths(Reflect.getMetadata(PATH_METADATA, type));
      const prototype = type.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method: unknown = Reflect.getMetadata(METHOD_METADATA, handler);
        if (typeof method !== 'number') continue;
        const permission: unknown =
          Reflect.getMetadata(REQUIRED_PERMISSION, handler) ??
          Reflect.getMetadata(REQUIRED_PERMISSION, type);
        const isPublic: unknown =
          Reflect.getMetadata(PUBLIC_ROUTE, handler) ?? Reflect.getMetadata(PUBLIC_ROUTE, type);
        for (const own of paths(Reflect.getMetadata(PATH_METADATA, handler))) {
          for (const start of base) {
            const path = '/' + [prefix, start, own].filter(Boolean).join('/').replace(/\/+/g, '/');
            const route = `${RequestMethod[method]} ${path.replace(/\/$/, '')}`;
            const namesTenant = /(^|\/):tenant(\/|$)/.test(path);
            if (permission !== undefined && !namesTenant)
              problems.push(`${route} requires a permission but names no :tenant`);
            if (namesTenant && permission === undefined)
              problems.push(`${route} names a :tenant but requires no permission`);
            if (isPublic === true && permission !== undefined)
              problems.push(`${route} is public and requires a permission`);
          }
        }
      }
    }
  }
  if (problems.length > 0)
    throw new Error(`Route access declarations:\n  ${problems.join('\n  ')}`);
}

function paths(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((path) => (typeof path === 'string' ? path.replace(/^\/|\/$/g, '') : ''));
}
