import { ParticipantLinks } from '@convene/contracts';
import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { RequirePermission } from '../common/access.decorators';
import { ApiProblem } from '../common/openapi';
import { ParticipantLinksService } from './participant-links.service';

class ParticipantLinksDto extends createZodDto(ParticipantLinks) {}

/** An officer's hold on a participant's links: the tokens themselves travel only by mail. */
@ApiTags('participants')
@Controller('t/:tenant/events/:eventId/nominations/:nominationId/links')
export class ParticipantLinksController {
  constructor(private readonly links: ParticipantLinksService) {}

  @Get()
  @RequirePermission('participation.manage')
  @ZodResponse({ status: 200, type: ParticipantLinksDto, description: 'The links, newest first' })
  @ApiOperation({
    description:
      "A participant's links: purpose, when made, until when, whether used or revoked (never the tokens).",
  })
  list(@Param('eventId') eventId: string, @Param('nominationId') nominationId: string) {
    return this.links.linksOf(eventId, nominationId);
  }

  @Post('revoke')
  @HttpCode(200)
  @RequirePermission('participation.manage')
  @ZodResponse({ status: 200, type: ParticipantLinksDto, description: 'The links, all revoked' })
  @ApiOperation({
    description: 'Revokes every live link of a participant: they answer 410 from now on.',
  })
  revoke(@Param('eventId') eventId: string, @Param('nominationId') nominationId: string) {
    return this.links.revoke(eventId, nominationId);
  }

  @Post('reissue')
  @HttpCode(200)
  @RequirePermission('participation.manage')
  @ApiProblem(409, 'conflict')
  @ZodResponse({ status: 200, type: ParticipantLinksDto, description: 'The links, new ones first' })
  @ApiOperation({
    description:
      'Revokes the earlier links and mails new ones: the participant page, and the decision link while the participant has not answered and the event has not begun.',
  })
  reissue(@Param('eventId') eventId: string, @Param('nominationId') nominationId: string) {
    return this.links.reissue(eventId, nominationId);
  }
}
