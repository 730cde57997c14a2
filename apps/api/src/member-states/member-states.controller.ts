import type { Language, MemberState, RegionalGroup } from '@convene/contracts';
import { MemberStateList, MemberStateQuery, UN_LANGUAGES } from '@convene/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { requestContext } from '../db/request-context';
import { sql } from '../db/sql';

class MemberStateQueryDto extends createZodDto(MemberStateQuery) {}
class MemberStateListDto extends createZodDto(MemberStateList) {}

type Row = {
  alpha3: string;
  alpha2: string;
  regional_group: RegionalGroup | null;
  observer: boolean;
} & Record<`name_${Language}`, string>;

/**
 * Global reference data: the 193 Member States and 2 observer States. A
 * fixed, small set, so it is answered whole rather than paginated.
 */
@ApiTags('member-states')
@Controller('member-states')
export class MemberStatesController {
  @Get()
  @ZodResponse({
    status: 200,
    type: MemberStateListDto,
    description: 'Sorted by name in the language asked for',
  })
  @ApiOperation({
    description:
      'The 193 Member States and 2 observer States, named in the six UN languages, searchable and sorted by name.',
  })
  async list(@Query() query: MemberStateQueryDto): Promise<MemberState[]> {
    const { manager } = requestContext.current();
    const search = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const rows = await sql<Row>(
      manager,
      `select * from member_states
        where ($1::text is null or regional_group = $1)
          and ($2::text is null or alpha3 ilike $2 or name_en ilike $2 or name_fr ilike $2
               or name_es ilike $2 or name_ru ilike $2 or name_ar ilike $2 or name_zh ilike $2)
        order by alpha3`,
      [query.region ?? null, search],
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
