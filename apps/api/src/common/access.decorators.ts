import type { Permission } from '@convene/domain';
import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { type AuthenticatedUser, requestContext, type TenantScope } from '../db/request-context';

export const PUBLIC_ROUTE = 'convene:public';
export const REQUIRED_PERMISSION = 'convene:permission';
export const OPENING_WITH_FIRST_READ = 'convene:opening-with-first-read';

/** Reachable without a session (sign-in, invitation links, health). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The permission a tenant route needs, from the role → permission table. */
export const RequirePermission = (permission: Permission) =>
  SetMetadata(REQUIRED_PERMISSION, permission);

/**
 * A tenant read whose `begin` and request_scope() may travel with its first statement, saving a
 * round trip (the events list, whose statement also carries the commit, runs in one):
 * RequestTransactionInterceptor runs it under the scope the caller's session had on its last
 * request here, and runs it again the ordinary way unless request_scope() finds exactly that
 * scope (inTransactionDeferred). Only for a handler that writes nothing and changes nothing
 * outside its transaction: it may run twice, and its first run's output is then dropped.
 */
export const OpeningWithFirstRead = () => SetMetadata(OPENING_WITH_FIRST_READ, true);

/** The tenant resolved from the URL and the caller's membership; throws if absent. */
export const CurrentTenant = createParamDecorator(
  (_: unknown, __: ExecutionContext): TenantScope => {
    const tenant = requestContext.current().tenant;
    if (!tenant) throw new Error('CurrentTenant used on a route without a tenant');
    return tenant;
  },
);

/** The signed-in person; throws on a public route where nobody is signed in. */
export const CurrentUser = createParamDecorator(
  (_: unknown, __: ExecutionContext): AuthenticatedUser => {
    const user = requestContext.current().user;
    if (!user) throw new Error('CurrentUser used on a route reached without a session');
    return user;
  },
);
