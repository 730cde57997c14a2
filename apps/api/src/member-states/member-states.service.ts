import type { Language, MemberState, MemberStateQuery } from '@convene/contracts';
import { RegionalGroup, UN_LANGUAGES } from '@convene/contracts';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { requestContext } from '../db/request-context';
import { sql } from '../db/sql';

/** A row of member_states, every column (`select *`), named in the six UN languages. */
const MemberStateRow = z.strictObject({
  alpha3: z.string(),
  alpha2: z.string(),
  regional_group: RegionalGroup.nullable(),
  observer: z.boolean(),
  name_ar: z.string(),
  name_zh: z.string(),
  name_en: z.string(),
  name_fr: z.string(),
  name_ru: z.string(),
  name_es: z.string(),
});

/** The reference list of States, searched and sorted; global data, outside any tenant. */
@Injectable()
export class MemberStatesService {
  /** Those that match the query, sorted by name in the language asked for. */
  async list(query: MemberStateQuery): Promise<MemberState[]> {
    const { manager } = requestContext.current();
    const search = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const rows = await sql(
      manager,
      `select * from member_states
        where ($1::text is null or regional_group = $1)
          and ($2::text is null or alpha3 ilike $2 or name_en ilike $2 or name_fr ilike $2
               or name_es ilike $2 or name_ru ilike $2 or name_ar ilike $2 or name_zh ilike $2)
        order by alpha3`,
      [query.region ?? null, search],
      MemberStateRow,
    );
    const states = rows.map((row) => ({
      alpha3: row.alpha3,
      alpha2: row.alpha2,
      regionalGroup: row.regional_group,
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
