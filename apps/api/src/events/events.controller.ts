import {
  EventCreate,
  EventDetail,
  EventQuery,
  EventSummaryPage,
  EventTransition,
  EventUpdate,
} from '@convene/contracts';
import { Body, Controller, Get, Header, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import {
  CurrentTenant,
  OpeningWithFirstRead,
  RequirePermission,
} from '../common/access.decorators';
import { ApiProblem } from '../common/openapi';
import type { TenantScope } from '../db/request-context';
import { EventsService } from './events.service';

class EventQueryDto extends createZodDto(EventQuery) {}
class EventCreateDto extends createZodDto(EventCreate) {}
class EventUpdateDto extends createZodDto(EventUpdate) {}
class EventTransitionDto extends createZodDto(EventTransition) {}
class EventDetailDto extends createZodDto(EventDetail) {}
class EventSummaryPageDto extends createZodDto(EventSummaryPage) {}

/** The tenant's events: planners see and change all; others see those that concern them. */
@ApiTags('events')
@Controller('t/:tenant/events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Get()
  @RequirePermission('events.read')
  @OpeningWithFirstRead()
  @ZodResponse({
    status: 200,
    type: EventSummaryPageDto,
    description: 'The events the caller may see, in the order asked for',
  })
  @ApiOperation({
    description: "The tenant's events the caller may see, filtered and sorted, a page at a time.",
  })
  list(@Query() query: EventQueryDto) {
    return this.events.list(query);
  }

  @Post()
  @RequirePermission('events.manage')
  @ZodResponse({ status: 201, type: EventDetailDto, description: 'Created as a draft' })
  @ApiOperation({ description: 'Creates an event as a draft.' })
  create(@CurrentTenant() tenant: TenantScope, @Body() body: EventCreateDto) {
    return this.events.create(tenant, body);
  }

  @Get(':eventId')
  @RequirePermission('events.read')
  @OpeningWithFirstRead()
  @ZodResponse({ status: 200, type: EventDetailDto, description: 'The event' })
  @ApiOperation({ description: 'One event, with its history and what the caller may do next.' })
  get(@Param('eventId') eventId: string) {
    return this.events.get(eventId);
  }

  @Get(':eventId/calendar.ics')
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="event.ics"')
  @RequirePermission('events.read')
  @ApiProduces('text/calendar')
  @ApiOkResponse({
    description: 'The event as an iCalendar (RFC 5545) file',
    content: { 'text/calendar': { schema: { type: 'string' } } },
  })
  @ApiOperation({ description: 'One event as an iCalendar file, to add to a calendar.' })
  calendar(
    @CurrentTenant() tenant: TenantScope,
    @Param('eventId') eventId: string,
  ): Promise<string> {
    return this.events.calendar(tenant, eventId);
  }

  @Put(':eventId')
  @RequirePermission('events.manage')
  @ZodResponse({ status: 200, type: EventDetailDto, description: 'The event as saved' })
  @ApiProblem(409, 'stale-version')
  @ApiOperation({
    description:
      "Replaces an event's fields, given the version it was read at (a stale one answers 409).",
  })
  update(@Param('eventId') eventId: string, @Body() body: EventUpdateDto) {
    return this.events.update(eventId, body);
  }

  @Post(':eventId/duplicate')
  @RequirePermission('events.manage')
  @ZodResponse({ status: 201, type: EventDetailDto, description: 'The copy, a new draft' })
  @ApiOperation({ description: 'Copies an event into a new draft.' })
  duplicate(@Param('eventId') eventId: string) {
    return this.events.duplicate(eventId);
  }

  @Post(':eventId/transitions')
  @RequirePermission('events.manage')
  @ZodResponse({ status: 200, type: EventDetailDto, description: 'The event in its new status' })
  @ApiProblem(409, 'event-transition', 'stale-version')
  @ApiOperation({
    description:
      'Moves an event through its lifecycle (plan, open nominations, confirm, postpone, cancel, ...).',
  })
  transition(@Param('eventId') eventId: string, @Body() body: EventTransitionDto) {
    return this.events.transition(eventId, body);
  }
}
