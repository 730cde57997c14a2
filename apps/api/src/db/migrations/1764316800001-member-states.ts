import type { MigrationInterface, QueryRunner } from 'typeorm';
import { MEMBER_STATE_SEEDS, memberStateNames } from '../../member-states/member-states.data';

/** Loads the 195 States; names come from i18n-iso-countries in the six UN languages. */
export class MemberStates1764316800001 implements MigrationInterface {
  name = 'MemberStates1764316800001';

  async up(db: QueryRunner): Promise<void> {
    const rows = MEMBER_STATE_SEEDS.map((state) => ({
      ...state,
      names: memberStateNames(state.alpha3),
    }));
    await db.query(
      `insert into member_states
         (alpha3, alpha2, regional_group, observer,
          name_ar, name_zh, name_en, name_fr, name_ru, name_es)
       select * from jsonb_to_recordset($1::jsonb) as s(
         alpha3 char(3), alpha2 char(2), regional_group text, observer boolean,
         name_ar text, name_zh text, name_en text, name_fr text, name_ru text, name_es text)
       on conflict (alpha3) do nothing`,
      [
        JSON.stringify(
          rows.map((s) => ({
            alpha3: s.alpha3,
            alpha2: s.alpha2,
            regional_group: s.electoralGroup,
            observer: s.observer,
            name_ar: s.names.ar,
            name_zh: s.names.zh,
            name_en: s.names.en,
            name_fr: s.names.fr,
            name_ru: s.names.ru,
            name_es: s.names.es,
          })),
        ),
      ],
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`delete from member_states`);
  }
}
