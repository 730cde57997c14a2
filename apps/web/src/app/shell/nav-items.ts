import type { Permission } from '@convene/domain';
import type { IconName } from '../shared/icons/icons.generated';

export interface NavItem {
  /** Translation key of the label. */
  labelKey: string;
  /** An icon of the set (shared/icons). */
  icon: IconName;
  link: string;
  /** Home matches only itself; sections also match their sub-pages. */
  exact: boolean;
}

interface TenantSection {
  labelKey: string;
  icon: IconName;
  path: string;
  permission: Permission;
}

const TENANT_SECTIONS: readonly TenantSection[] = [
  { labelKey: 'shell.nav.home', icon: 'home', path: '', permission: 'tenant.read' },
  { labelKey: 'shell.nav.events', icon: 'event', path: 'events', permission: 'events.read' },
  { labelKey: 'shell.nav.users', icon: 'group', path: 'users', permission: 'users.read' },
  {
    labelKey: 'shell.nav.memberStates',
    icon: 'public',
    path: 'member-states',
    permission: 'memberStates.read',
  },
  { labelKey: 'shell.nav.mail', icon: 'outgoing_mail', path: 'mail', permission: 'mail.manage' },
];

/**
 * The side navigation for a role: the tenant's sections the role's
 * permissions open, then the person's own profile, which everyone has.
 */
export function navItemsFor(tenantSlug: string | null, permissions: readonly string[]): NavItem[] {
  const tenantItems: NavItem[] = tenantSlug
    ? TENANT_SECTIONS.filter((section) => permissions.includes(section.permission)).map(
        (section) => ({
          labelKey: section.labelKey,
          icon: section.icon,
          link: section.path ? `/t/${tenantSlug}/${section.path}` : `/t/${tenantSlug}`,
          exact: section.path === '',
        }),
      )
    : [];
  return [
    ...tenantItems,
    { labelKey: 'shell.nav.profile', icon: 'person', link: '/profile', exact: true },
  ];
}
