import { AuditEntryRow } from '../audit/audit-entry.entity';
import { Session } from '../auth/session.entity';
import { UserToken } from '../auth/user-token.entity';
import { User } from '../auth/user.entity';
import { MemberStateRow } from '../member-states/member-state.entity';
import { Invitation } from '../members/invitation.entity';
import { Membership } from '../tenants/membership.entity';
import { Tenant } from '../tenants/tenant.entity';

export const ENTITIES = [
  AuditEntryRow,
  Invitation,
  Membership,
  MemberStateRow,
  Session,
  Tenant,
  User,
  UserToken,
];
