import { AsyncLocalStorage } from 'node:async_hooks';
import type { Role } from '@convene/contracts';
import type { EntityManager } from 'typeorm';

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  preferredLanguage: string;
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
};
