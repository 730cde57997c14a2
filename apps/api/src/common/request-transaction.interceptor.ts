import type { Permission } from '@convene/domain';
import { can } from '@convene/domain';
import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { SessionService } from '../auth/session.service';
import { SESSION_COOKIE } from './cookie-names';
import { type RequestContext, requestContext } from '../db/request-context';
import { inTransactionOpenedBy } from '../db/transaction';
import { PUBLIC_ROUTE, REQUIRED_PERMISSION } from './access.decorators';
import { AppException, forbidden, unauthenticated } from './app-exception';

/**
 * One request, one transaction: it opens the transaction, authenticates the
 * session, resolves the tenant from the URL against the caller's membership,
 * checks the route's permission, and only then runs the handler, all inside
 * that transaction as the application role with app.tenant_id set. Guards
 * cannot do this: they run before anything that could wrap the handler.
 */
@Injectable()
export class RequestTransactionInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) ?? false;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(
      REQUIRED_PERMISSION,
      targets,
    );
    const tenantSlug = (request.params as Record<string, string | undefined>)['tenant'];

    // One round trip: begin, and one statement for the role switch, the session and the
    // membership (SessionService.scopeStatement).
    const opening = this.sessions.scopeStatement(request.cookies[SESSION_COOKIE], tenantSlug);
    const work = inTransactionOpenedBy(this.dataSource, opening, async (manager, scopeRows) => {
      const { user, tenant } = await this.sessions.readScope(manager, scopeRows);
      if (!user && !isPublic) throw unauthenticated();
      const scope: RequestContext = { manager, user, tenant: null };
      if (user && tenantSlug !== undefined) {
        // Unknown tenant and someone else's tenant answer alike: no existence oracle.
        if (!tenant) throw new AppException(404, 'not-found', 'Tenant not found');
        if (!permission || !can(tenant.role, permission)) throw forbidden();
        scope.tenant = tenant;
      }
      return requestContext.run(scope, () =>
        lastValueFrom(next.handle(), { defaultValue: undefined }),
      );
    });
    return from(work);
  }
}
