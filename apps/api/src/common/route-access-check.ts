import type { INestApplication } from '@nestjs/common';
import { PUBLIC_ROUTE, REQUIRED_PERMISSION } from './access.decorators';
import { controllerRoutes } from './controller-routes';

/**
 * Stops the boot when a route's access declaration cannot mean what it says: the request
 * interceptor checks a permission only against the membership of the tenant named by a
 * `:tenant` parameter, so a permission on a route without one would be silently ignored, and a
 * tenant route without a permission would answer 403 to everyone.
 */
export function assertRouteAccess(app: INestApplication, prefix = 'api'): void {
  const problems: string[] = [];
  for (const { controller, handler, method, path } of controllerRoutes(app, prefix)) {
    const permission: unknown =
      Reflect.getMetadata(REQUIRED_PERMISSION, handler) ??
      Reflect.getMetadata(REQUIRED_PERMISSION, controller);
    const isPublic: unknown =
      Reflect.getMetadata(PUBLIC_ROUTE, handler) ?? Reflect.getMetadata(PUBLIC_ROUTE, controller);
    const route = `${method} ${path}`;
    const namesTenant = /(^|\/):tenant(\/|$)/.test(path);
    if (permission !== undefined && !namesTenant)
      problems.push(`${route} requires a permission but names no :tenant`);
    if (namesTenant && permission === undefined)
      problems.push(`${route} names a :tenant but requires no permission`);
    if (isPublic === true && permission !== undefined)
      problems.push(`${route} is public and requires a permission`);
  }
  if (problems.length > 0)
    throw new Error(`Route access declarations:\n  ${problems.join('\n  ')}`);
}
