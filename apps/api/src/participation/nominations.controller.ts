import {
  NominationBulkDecision,
  NominationBulkResult,
  NominationCreate,
  NominationDecision,
  NominationDetail,
  NominationFull,
  NominationPage,
  NominationQuery,
  NominationUpdate,
  NominationWithdraw,
} from '@convene/contracts';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { RequirePermission } from '../common/access.decorators';
import { ApiProblem } from '../common/openapi';
import { NominationsService } from './nominations.service';

class NominationQueryDto extends createZodDto(NominationQuery) {}
class NominationCreateDto extends createZodDto(NominationCreate) {}
class NominationUpdateDto extends createZodDto(NominationUpdate) {}
class NominationWithdrawDto extends createZodDto(NominationWithdraw) {}
class NominationDecisionDto extends createZodDto(NominationDecision) {}
class NominationBulkDecisionDto extends createZodDto(NominationBulkDecision) {}
class NominationPageDto extends createZodDto(NominationPage) {}
class NominationDetailDto extends createZodDto(NominationDetail) {}
class NominationFullDto extends createZodDto(NominationFull) {}
class NominationBulkResultDto extends createZodDto(NominationBulkResult) {}

/**
 * Nominations: focal points nominate their State's people, officers decide. Reads are open to
 * every member who reads events; what each sees is the participant visibility rule's.
 */
@ApiTags('nominations')
@Controller('t/:tenant')
export class NominationsController {
  constructor(private readonly nominations: NominationsService) {}

  @Get('events/:eventId/nominations')
  @RequirePermission('events.read')
  @ZodResponse({
    status: 200,
    type: NominationPageDto,
    description: 'The nominees the caller may see',
  })
  @ApiOperation({
    description:
      "An event's nominations the caller may see (planners all, a focal point their State's, an expert speaking at the event names only where it allows), filtered, a page at a time.",
  })
  listForEvent(@Param('eventId') eventId: string, @Query() query: NominationQueryDto) {
    return this.nominations.list(query, eventId);
  }

  @Post('events/:eventId/nominations')
  @RequirePermission('participation.nominate')
  @ZodResponse({
    status: 201,
    type: NominationDetailDto,
    description: 'The nomination, awaiting a decision',
  })
  @ApiProblem(409, 'no-seats', 'nomination-closed', 'conflict')
  @ApiOperation({
    description:
      "A focal point nominates someone for their State's invitation to the event, attesting the person's consent.",
  })
  create(@Param('eventId') eventId: string, @Body() body: NominationCreateDto) {
    return this.nominations.create(eventId, body);
  }

  @Get('nominations')
  @RequirePermission('events.read')
  @ZodResponse({
    status: 200,
    type: NominationPageDto,
    description: 'The nominees the caller may see',
  })
  @ApiOperation({
    description:
      "Nominations across the tenant's events: a State's history (state=) or a person's (participantId=), as the caller may see them.",
  })
  list(@Query() query: NominationQueryDto) {
    return this.nominations.list(query);
  }

  @Post('nominations/decisions')
  @HttpCode(200)
  @RequirePermission('participation.manage')
  @ZodResponse({
    status: 200,
    type: NominationBulkResultDto,
    description: 'The outcome for each nomination',
  })
  @ApiOperation({
    description:
      'One decision (approve, waitlist, decline with a reason) for many nominations; each succeeds or fails on its own.',
  })
  decideMany(@Body() body: NominationBulkDecisionDto) {
    return this.nominations.decideMany(body);
  }

  @Get('nominations/:nominationId')
  @RequirePermission('events.read')
  @ZodResponse({ status: 200, type: NominationDetailDto, description: 'The nomination' })
  @ApiOperation({
    description: 'One nomination, with its consent attestations for those who see it whole.',
  })
  get(@Param('nominationId') nominationId: string) {
    return this.nominations.get(nominationId);
  }

  @Put('nominations/:nominationId')
  @RequirePermission('participation.nominate')
  @ZodResponse({ status: 200, type: NominationDetailDto, description: 'The nomination as saved' })
  @ApiProblem(409, 'nomination-closed', 'nomination-transition', 'stale-version', 'conflict')
  @ApiOperation({ description: 'A focal point corrects a nomination awaiting a decision.' })
  update(@Param('nominationId') nominationId: string, @Body() body: NominationUpdateDto) {
    return this.nominations.update(nominationId, body);
  }

  @Post('nominations/:nominationId/withdraw')
  @HttpCode(200)
  @RequirePermission('participation.nominate')
  @ZodResponse({ status: 200, type: NominationDetailDto, description: 'The nomination, withdrawn' })
  @ApiProblem(409, 'nomination-transition', 'stale-version')
  @ApiOperation({ description: 'A focal point withdraws a nomination that holds no seat.' })
  withdraw(@Param('nominationId') nominationId: string, @Body() body: NominationWithdrawDto) {
    return this.nominations.withdraw(nominationId, body);
  }

  @Post('nominations/:nominationId/decision')
  @HttpCode(200)
  @RequirePermission('participation.manage')
  @ZodResponse({ status: 200, type: NominationFullDto, description: 'The nomination as decided' })
  @ApiProblem(409, 'no-seats', 'nomination-closed', 'nomination-transition', 'stale-version')
  @ApiOperation({
    description:
      "An officer approves, waitlists or declines (with a reason) a nomination; an approval never exceeds the State's seats nor the event's capacity.",
  })
  decide(@Param('nominationId') nominationId: string, @Body() body: NominationDecisionDto) {
    return this.nominations.decide(nominationId, body);
  }
}
