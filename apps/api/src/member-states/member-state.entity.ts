import type { RegionalGroup } from '@convene/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Global reference data shared by every tenant. */
@Entity({ name: 'member_states' })
export class MemberStateRow {
  @PrimaryColumn({ type: 'char', length: 3 })
  alpha3!: string;

  @Column({ type: 'char', length: 2 })
  alpha2!: string;

  @Column({ name: 'regional_group', type: 'text', nullable: true })
  regionalGroup!: RegionalGroup | null;

  @Column({ type: 'boolean', default: false })
  observer!: boolean;

  @Column({ name: 'name_ar', type: 'text' }) nameAr!: string;
  @Column({ name: 'name_zh', type: 'text' }) nameZh!: string;
  @Column({ name: 'name_en', type: 'text' }) nameEn!: string;
  @Column({ name: 'name_fr', type: 'text' }) nameFr!: string;
  @Column({ name: 'name_ru', type: 'text' }) nameRu!: string;
  @Column({ name: 'name_es', type: 'text' }) nameEs!: string;
}
