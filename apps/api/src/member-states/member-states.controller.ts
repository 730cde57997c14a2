import type { MemberState } from '@convene/contracts';
import { MemberStateList, MemberStateQuery } from '@convene/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { MemberStatesService } from './member-states.service';

class MemberStateQueryDto extends createZodDto(MemberStateQuery) {}
class MemberStateListDto extends createZodDto(MemberStateList) {}

/**
 * Global reference data: the 193 Member States and 2 observer States. A
 * fixed, small set, so it is answered whole rather than paginated.
 */
@ApiTags('member-states')
@Controller('member-states')
export class MemberStatesController {
  constructor(private readonly memberStates: MemberStatesService) {}

  @Get()
  @ZodResponse({
    status: 200,
    type: MemberStateListDto,
    description: 'Sorted by name in the language asked for',
  })
  @ApiOperation({
    description:
      'The 193 Member States and 2 observer States, named in the six UN languages, with the regional groups each takes part in (as member or observer), the one it counts in for elections and its M49 geographic region; searchable, filtered by group and region, sorted by name.',
  })
  list(@Query() query: MemberStateQueryDto): Promise<MemberState[]> {
    return this.memberStates.list(query);
  }
}
