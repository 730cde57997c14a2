import type { GeographicRegion, RegionalGroup } from '@convene/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Global reference data shared by every tenant. The groups a State takes part in are rows of
 * member_state_groups (read with SQL by MemberStatesService); this row keeps the one it counts
 * in for elections.
 */
@Entity({ name: 'member_states' })
export class MemberStateRow {
  @PrimaryColumn({ type: 'char', length: 3 })
  alpha3!: string;

  @Column({ type: 'char', length: 2 })
  alpha2!: string;

  /** The group the State counts in for elections: null for none (Kiribati, the Holy See). */
  @Column({ name: 'regional_group', type: 'text', nullable: true })
  electoralGroup!: RegionalGroup | null;

  @Column({ name: 'geographic_region', type: 'text' })
  geographicRegion!: GeographicRegion;

  @Column({ type: 'boolean', default: false })
  observer!: boolean;

  @Column({ name: 'name_ar', type: 'text' }) nameAr!: string;
  @Column({ name: 'name_zh', type: 'text' }) nameZh!: string;
  @Column({ name: 'name_en', type: 'text' }) nameEn!: string;
  @Column({ name: 'name_fr', type: 'text' }) nameFr!: string;
  @Column({ name: 'name_ru', type: 'text' }) nameRu!: string;
  @Column({ name: 'name_es', type: 'text' }) nameEs!: string;
}
