import type { MembershipStatus, Role } from '@convene/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'memberships' })
export class Membership {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ name: 'member_state_code', type: 'char', length: 3, nullable: true })
  memberStateCode!: string | null;

  @Column({ type: 'text', default: 'active' })
  status!: MembershipStatus;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
