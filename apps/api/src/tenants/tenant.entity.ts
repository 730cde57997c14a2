import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The registry of organisations. Global: it names tenants, it holds none of their data. */
@Entity({ name: 'tenants' })
export class Tenant {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  slug!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  /** The largest document file the tenant accepts, in bytes (docs/documents.md). */
  @Column({ name: 'document_max_bytes', type: 'integer', default: 26214400 })
  documentMaxBytes!: number;

  /** The tenant settings' optimistic concurrency (docs/documents.md). */
  @Column({ name: 'settings_version', type: 'integer', default: 1 })
  settingsVersion!: number;
}
