import type { MigrationInterface, QueryRunner } from 'typeorm';
import { MEMBER_STATE_SEEDS } from '../../member-states/member-states.data';
import { APP_ROLE } from '../app-role';

const GROUPS = `('african','asia_pacific','eastern_european','latin_american_caribbean','western_european_others')`;

/**
 * The UN's regional groups are not one group per State: Kiribati is in none, the United States
 * attends the Western European and others Group as an observer and counts there for elections,
 * and Türkiye takes part fully in two groups and counts in one. member_state_groups holds every
 * participation (member or observer); member_states.regional_group keeps its meaning for the
 * filters that read it (the events list, the load generator) as the group the State counts in
 * for elections, and a foreign key holds it to one of the State's own participations. Adds the
 * States' M49 geographic region too, which the directory filters on.
 *
 * Loads from member-states.data.ts, as the first load did: on a new database that load already
 * wrote the electoral groups; on an existing one this corrects Kiribati (no longer Asia-Pacific).
 */
export class RegionalGroupParticipation1764316800012 implements MigrationInterface {
  name = 'RegionalGroupParticipation1764316800012';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table member_states add column geographic_region text
        check (geographic_region in ('africa','americas','asia','europe','oceania'));

      create table member_state_groups (
        alpha3 char(3) not null references member_states (alpha3),
        regional_group text not null check (regional_group in ${GROUPS}),
        kind text not null check (kind in ('member','observer')),
        primary key (alpha3, regional_group)
      );
      grant select on member_state_groups to ${APP_ROLE};

      comment on column member_states.regional_group is
        'The regional group the State counts in for elections, one of its member_state_groups; null when it counts in none';
    `);
    await db.query(
      `update member_states ms
          set regional_group = s.electoral_group, geographic_region = s.geographic_region
         from jsonb_to_recordset($1::jsonb) as s(alpha3 char(3), electoral_group text, geographic_region text)
        where ms.alpha3 = s.alpha3`,
      [
        JSON.stringify(
          MEMBER_STATE_SEEDS.map((state) => ({
            alpha3: state.alpha3,
            electoral_group: state.electoralGroup,
            geographic_region: state.geographicRegion,
          })),
        ),
      ],
    );
    await db.query(
      `insert into member_state_groups (alpha3, regional_group, kind)
       select * from jsonb_to_recordset($1::jsonb) as p(alpha3 char(3), regional_group text, kind text)`,
      [
        JSON.stringify(
          MEMBER_STATE_SEEDS.flatMap((state) =>
            state.groups.map(({ group, kind }) => ({
              alpha3: state.alpha3,
              regional_group: group,
              kind,
            })),
          ),
        ),
      ],
    );
    await db.query(`
      alter table member_states alter column geographic_region set not null;
      alter table member_states add constraint member_states_electoral_group_fkey
        foreign key (alpha3, regional_group) references member_state_groups (alpha3, regional_group);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table member_states drop constraint member_states_electoral_group_fkey;
      drop table member_state_groups;
      alter table member_states drop column geographic_region;
      comment on column member_states.regional_group is null;
      update member_states set regional_group = 'asia_pacific' where alpha3 = 'KIR';
    `);
  }
}
