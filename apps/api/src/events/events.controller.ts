import type { EventDetail, EventSummary, Page } from '@convene/contracts';
import { EventCreate, EventQuery, EventTransition, EventUpdate } from '@convene/contracts';
import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { CurrentTenant, RequirePermission } from '../common/access.decorators';
import type { TenantScope } from '../db/request-context';
import { EventsService } from './events.service';

class EventQueryDto extends createZodDto(EventQuery) {}
class EventCreateDto extends createZodDto(EventCreate) {}
class EventUpdateDto extends createZodDto(EventUpdate) {}
class EventTransitionDto extends createZodDto(EventTransition) {}

/** The tenant's events: planners see and change all; others see those that concern them. */
@ApiTags('events')
@Controller('t/:tenant/events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Get()
  @RequirePermission('events.read')
  list(@Query() query: EventQueryDto): Promise<Page<EventSummary>> {
    return this.events.list(query);
  }

  @Post()
  @RequirePermission('events.manage')
  create(@CurrentTenant() tenant: TenantScope, @Body() body: EventCreateDto): Promise<EventDetail> {
    return this.events.create(tenant, body);
  }

  @Get(':eventId')
  @RequirePermission('events.read')
  get(@Param('eventId') eventId: string): Promise<EventDetail> {
    return this.events.get(eventId);
  }

  @Get(':eventId/calendar.ics')
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="event.ics"')
  @RequirePermission('events.read')
  calendar(
    @CurrentTenant() tenant: TenantScope,
    @Param('eventId') eventId: string,
  ): Promise<string> {
    return this.events.calendar(tenant, eventId);
  }

  @Put(':eventId')
  @RequirePermission('events.manage')
  update(@Param('eventId') eventId: string, @Body() body: EventUpdateDto): Promise<EventDetail> {
    return this.events.update(eventId, body);
  }

  @Post(':eventId/duplicate')
  @RequirePermission('events.manage')
  duplicate(@Param('eventId') eventId: string): Promise<EventDetail> {
    return this.events.duplicate(eventId);
  }

  @Post(':eventId/transitions')
  @HttpCode(200)
  @RequirePermission('events.manage')
  transition(
    @Param('eventId') eventId: string,
    @Body() body: EventTransitionDto,
  ): Promise<EventDetail> {
    return this.events.transition(eventId, body);
  }
}
