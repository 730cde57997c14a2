import { AsyncLocalStorage } from 'node:async_hooks';
import type { Language, Role } from '@convene/contracts';
import type { EntityManager } from 'typeorm';

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  preferredLanguage: Language;
  sessionId: string;
}

export interface TenantScope {
  id: string;
  slug: string;
  name: string;
  membershipId: string;
  role: Role;
  memberStateCode: string | null;
}

/** What one request carries: its transaction, its caller, its tenant. */
export interface RequestContext {
  manager: EntityManager;
  user: AuthenticatedUser | null;
  tenant: TenantScope | null;
  /**
   * Work to do once the request's transaction has committed (deleting stored objects whose rows
   * are gone): the request transaction's interceptor runs it; absent outside requests.
   */
  afterCommit?: (() => Promise<void>)[];
}

const storage = new AsyncLocalStorage<RequestContext>();

export const requestContext = {
  run<T>(context: RequestContext, work: () => Promise<T>): Promise<T> {
    return storage.run(context, work);
  },
  current(): RequestContext {
    const context = storage.getStore();
    if (!context) throw new Error('No request context: code ran outside a request transaction');
    return context;
  },
  maybe(): RequestContext | undefined {
    return storage.getStore();
  },
  /** Runs `work` after the request's transaction commits (never if it rolls back). */
  afterCommit(work: () => Promise<void>): void {
    const hooks = requestContext.current().afterCommit;
    if (!hooks) throw new Error('No request transaction to wait for');
    hooks.push(work);
  },
};
