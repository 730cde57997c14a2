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
  /** And one of these too, when the permission alone opens it to more roles than use it. */
  anyOf?: readonly Permission[];
}

const TENANT_SECTIONS: readonly TenantSection[] = [
  { labelKey: 'shell.nav.home', icon: 'home', path: '', permission: 'tenant.read' },
  { labelKey: 'shell.nav.events', icon: 'event', path: 'events', permission: 'events.read' },
  {
    labelKey: 'shell.nav.recommendations',
    icon: 'checklist',
    path: 'recommendations',
    permission: 'events.read',
  },
  {
    // Assistance requests (issue 14): officers, administrators and focal points; an expert
    // reviewer opens the requests they review from their mail.
    labelKey: 'shell.nav.requests',
    icon: 'inbox',
    path: 'requests',
    permission: 'requests.read',
    anyOf: ['requests.manage', 'requests.draft'],
  },
  {
    labelKey: 'shell.nav.experts',
    icon: 'person_search',
    path: 'experts',
    permission: 'experts.manage',
  },
  {
    labelKey: 'shell.nav.documents',
    icon: 'folder_open',
    path: 'documents',
    permission: 'tenant.read',
  },
  {
    labelKey: 'shell.nav.delivery',
    icon: 'local_shipping',
    path: 'delivery',
    permission: 'deliveries.read',
  },
  { labelKey: 'shell.nav.users', icon: 'group', path: 'users', permission: 'users.read' },
  {
    labelKey: 'shell.nav.memberStates',
    icon: 'public',
    path: 'member-states',
    permission: 'memberStates.read',
  },
  { labelKey: 'shell.nav.mail', icon: 'outgoing_mail', path: 'mail', permission: 'mail.manage' },
  // The organisation's own settings: its icon is the organisation's (already in the shell's set).
  {
    labelKey: 'shell.nav.settings',
    icon: 'apartment',
    path: 'settings',
    permission: 'tenant.manage',
  },
  {
    labelKey: 'shell.nav.assessments',
    icon: 'fact_check',
    path: 'assessments',
    permission: 'assessments.read',
  },
  { labelKey: 'shell.nav.reports', icon: 'bar_chart', path: 'reports', permission: 'reports.read' },
];

/**
 * The side navigation for a role: the tenant's sections the role's
 * permissions open, then the person's own profile, which everyone has.
 */
export function navItemsFor(tenantSlug: string | null, permissions: readonly string[]): NavItem[] {
  const tenantItems: NavItem[] = tenantSlug
    ? TENANT_SECTIONS.filter(
        (section) =>
          permissions.includes(section.permission) &&
          (!section.anyOf || section.anyOf.some((also) => permissions.includes(also))),
      ).map((section) => ({
        labelKey: section.labelKey,
        icon: section.icon,
        link: section.path ? `/t/${tenantSlug}/${section.path}` : `/t/${tenantSlug}`,
        exact: section.path === '',
      }))
    : [];
  return [
    ...tenantItems,
    { labelKey: 'shell.nav.profile', icon: 'person', link: '/profile', exact: true },
  ];
}
