import type { Language, MemberState, MemberStateQuery } from '@convene/contracts';
import {
  GeographicRegion,
  GroupParticipation,
  RegionalGroup,
  UN_LANGUAGES,
} from '@convene/contracts';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { requestContext } from '../db/request-context';
import { sql } from '../db/sql';

/** A row of member_states with its group participations, named in the six UN languages. */
const MemberStateRow = z.strictObject({
  alpha3: z.string(),
  alpha2: z.string(),
  electoral_group: RegionalGroup.nullable(),
  geographic_region: GeographicRegion,
  groups: z.array(GroupParticipation),
  observer: z.boolean(),
  name_ar: z.string(),
  name_zh: z.string(),
  name_en: z.string(),
  name_fr: z.string(),
  name_ru: z.string(),
  name_es: z.string(),
});

/**
 * Each State's participations as a JSON array, in the order of REGIONAL_GROUPS (which is
 * alphabetical, as the check constraint spells them); '[]' for a State in no group.
 */
const GROUPS = `coalesce(
  (select json_agg(json_build_object('group', g.regional_group, 'kind', g.kind)
                   order by g.regional_group)
     from member_state_groups g where g.alpha3 = ms.alpha3), '[]') as groups`;

/** The reference list of States, searched and sorted; global data, outside any tenant. */
@Injectable()
export class MemberStatesService {
  /** Those that match the query, sorted by name in the language asked for. */
  async list(query: MemberStateQuery): Promise<MemberState[]> {
    const { manager } = requestContext.current();
    const search = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const rows = await sql(
      manager,
      `select ms.alpha3, ms.alpha2, ms.regional_group as electoral_group,
              ms.geographic_region, ${GROUPS}, ms.observer,
              ms.name_ar, ms.name_zh, ms.name_en, ms.name_fr, ms.name_ru, ms.name_es
         from member_states ms
        where ($1::text is null
               or ($1 = 'none' and not exists
                     (select 1 from member_state_groups g where g.alpha3 = ms.alpha3))
               or exists (select 1 from member_state_groups g
                           where g.alpha3 = ms.alpha3 and g.regional_group = $1))
          and ($2::text is null or ms.geographic_region = $2)
          and ($3::text is null or ms.alpha3 ilike $3 or ms.name_en ilike $3 or ms.name_fr ilike $3
               or ms.name_es ilike $3 or ms.name_ru ilike $3 or ms.name_ar ilike $3
               or ms.name_zh ilike $3)
        order by ms.alpha3`,
      [query.group ?? null, query.geographicRegion ?? null, search],
      MemberStateRow,
    );
    const states = rows.map((row) => ({
      alpha3: row.alpha3,
      alpha2: row.alpha2,
      groups: row.groups,
      electoralGroup: row.electoral_group,
      geographicRegion: row.geographic_region,
      observer: row.observer,
      names: Object.fromEntries(UN_LANGUAGES.map((lang) => [lang, row[`name_${lang}`]])) as Record<
        Language,
        string
      >,
    }));
    // Sort by the language's own collation rules, which the C collation lacks.
    const collator = new Intl.Collator(query.lang);
    return states.sort((a, b) => collator.compare(a.names[query.lang], b.names[query.lang]));
  }
}
