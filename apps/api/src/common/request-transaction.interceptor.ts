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
import {
  inTransactionDeferred,
  inTransactionOpenedBy,
  UnconfirmedOpening,
} from '../db/transaction';
import { OPENING_WITH_FIRST_READ, PUBLIC_ROUTE, REQUIRED_PERMISSION } from './access.decorators';
import { AppException, forbidden, unauthenticated } from './app-exception';

/**
 * One request, one transaction: it opens the transaction, authenticates the
 * session, resolves the tenant from the URL against the caller's membership,
 * checks the route's permission, and only then runs the handler, all inside
 * that transaction as the application role with app.tenant_id set. Guards
 * cannot do this: they run before anything that could wrap the handler.
 *
 * A route marked @OpeningWithFirstRead() (a read) may instead run under the scope the same session had
 * on its last request to this tenant, its `begin` and opening sent with its first statement
 * (inTransactionDeferred): the handler's answer is used only if the opening found exactly that
 * scope; otherwise (or if anything failed first) the request runs again the ordinary way.
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

    const opening = this.sessions.opening(request.cookies[SESSION_COOKIE], tenantSlug);
    const handle = () => lastValueFrom(next.handle(), { defaultValue: undefined });
    // The attempt that answers is the last one started (a failed guess runs again the ordinary
    // way): its after-commit work runs once its transaction committed.
    let afterCommit: (() => Promise<void>)[] = [];
    const attempt = (): (() => Promise<void>)[] => {
      afterCommit = [];
      return afterCommit;
    };

    // One round trip: begin, and one statement for the role switch, the session and the
    // membership (SessionService.opening), then the handler's statements.
    const ordinary = () =>
      inTransactionOpenedBy(this.dataSource, opening.literal, async (manager, scopeRows) => {
        const { user, tenant } = await this.sessions.readScope(manager, scopeRows, opening.key);
        if (!user && !isPublic) throw unauthenticated();
        const scope: RequestContext = { manager, user, tenant: null, afterCommit: attempt() };
        if (user && tenantSlug !== undefined) {
          // Unknown tenant and someone else's tenant answer alike: no existence oracle.
          if (!tenant) throw new AppException(404, 'not-found', 'Tenant not found');
          if (!permission || !can(tenant.role, permission)) throw forbidden();
          scope.tenant = tenant;
        }
        return requestContext.run(scope, handle);
      });

    // The opening with the first statement, if the session's last scope here allows the route:
    // anything else (no guess, a guess that would be refused) goes the ordinary way at once.
    const guess =
      this.reflector.getAllAndOverride<boolean>(OPENING_WITH_FIRST_READ, targets) === true &&
      tenantSlug !== undefined &&
      permission !== undefined
        ? this.sessions.speculativeScope(opening)
        : null;
    const work =
      guess?.tenant && can(guess.tenant.role, permission as Permission)
        ? inTransactionDeferred(this.dataSource, guess.deferred, (manager) =>
            requestContext.run(
              { manager, user: guess.user, tenant: guess.tenant, afterCommit: attempt() },
              handle,
            ),
          ).catch((error: unknown) => {
            if (error instanceof UnconfirmedOpening) return ordinary();
            throw error;
          })
        : ordinary();
    return from(
      work.then(async (answer) => {
        // Best effort: what fails here is retried by a worker (e.g. storage_deletions).
        for (const hook of afterCommit) await hook().catch(() => undefined);
        return answer;
      }),
    );
  }
}
