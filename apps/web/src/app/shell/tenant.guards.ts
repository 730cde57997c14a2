import { inject } from '@angular/core';
import { type CanActivateFn, RedirectCommand, Router } from '@angular/router';
import type { Permission } from '@convene/domain';
import { Store } from '@ngrx/store';
import { map, take } from 'rxjs';
import { ShellActions } from '../auth/auth.actions';
import { selectMembershipBySlug } from '../auth/auth.selectors';

/** Keeps the address the person typed while showing the not-found page. */
function notFound(router: Router) {
  return new RedirectCommand(router.parseUrl('/not-found'), {
    skipLocationChange: true,
  });
}

/**
 * /t/:tenant: only a member enters, and entering makes it the current
 * tenant. A tenant the person does not belong to looks like one that does
 * not exist, as the API answers it.
 */
export const tenantGuard: CanActivateFn = (route) => {
  const store = inject(Store);
  const router = inject(Router);
  const slug = route.paramMap.get('tenant') ?? '';
  return store.select(selectMembershipBySlug(slug)).pipe(
    take(1),
    map((membership) => {
      if (!membership) return notFound(router);
      store.dispatch(ShellActions.tenantEntered({ slug }));
      return true;
    }),
  );
};

/** A page inside a tenant that needs one permission; without it, back to the tenant home. */
export function permissionGuard(permission: Permission): CanActivateFn {
  return (route) => {
    const router = inject(Router);
    const slug = route.paramMap.get('tenant') ?? '';
    return inject(Store)
      .select(selectMembershipBySlug(slug))
      .pipe(
        take(1),
        map((membership) => {
          if (!membership) return notFound(router);
          return membership.permissions.includes(permission)
            ? true
            : router.createUrlTree(['/t', slug]);
        }),
      );
  };
}
