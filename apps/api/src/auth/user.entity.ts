import type { Language, OptionalMailKind } from '@convene/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One person, one account, whatever tenants they belong to. Global. */
@Entity({ name: 'users' })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lowercased; unique on lower(email). */
  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'preferred_language', type: 'text', default: 'en' })
  preferredLanguage!: Language;

  /** Optional mail the person does not want (migration …0004-mail-preferences). */
  @Column({ name: 'muted_mail_kinds', type: 'text', array: true, default: () => "'{}'" })
  mutedMailKinds!: OptionalMailKind[];

  /** The tenant the person last opened (migration …0012-last-tenant): where they land. */
  @Column({ name: 'last_tenant_id', type: 'uuid', nullable: true })
  lastTenantId!: string | null;

  /** argon2id; null until the person sets a password. */
  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false })
  passwordHash!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
