import { ParticipationFigures } from '@convene/contracts';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { RequirePermission } from '../common/access.decorators';
import { FiguresService } from './figures.service';

class ParticipationFiguresDto extends createZodDto(ParticipationFigures) {}

/** An event's participation figures: aggregates of non-personal columns only. */
@ApiTags('participation')
@Controller('t/:tenant/events/:eventId/figures')
export class FiguresController {
  constructor(private readonly figures: FiguresService) {}

  @Get()
  @RequirePermission('events.read')
  @ZodResponse({ status: 200, type: ParticipationFiguresDto, description: "The event's figures" })
  @ApiOperation({
    description:
      'Participants by sex, institution type, audience, regional group, geographic region and ' +
      'State, the share of women, and States invited against represented, for approved, ' +
      'confirmed and attended participants. Anyone who sees the event sees its figures: they ' +
      'read no personal column.',
  })
  get(@Param('eventId') eventId: string) {
    return this.figures.figures(eventId);
  }
}
