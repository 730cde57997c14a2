import type { Agenda } from '@convene/contracts';
import { AgendaOrder, AgendaSessionInput } from '@convene/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { RequirePermission } from '../common/access.decorators';
import { AgendaService } from './agenda.service';

class AgendaSessionDto extends createZodDto(AgendaSessionInput) {}
class AgendaOrderDto extends createZodDto(AgendaOrder) {}

/** An event's sessions; each change answers with the whole agenda and its warnings. */
@ApiTags('events')
@Controller('t/:tenant/events/:eventId/agenda')
export class AgendaController {
  constructor(private readonly agenda: AgendaService) {}

  @Get()
  @RequirePermission('events.read')
  get(@Param('eventId') eventId: string): Promise<Agenda> {
    return this.agenda.get(eventId);
  }

  @Post()
  @RequirePermission('events.manage')
  add(@Param('eventId') eventId: string, @Body() body: AgendaSessionDto): Promise<Agenda> {
    return this.agenda.add(eventId, body);
  }

  @Put('order')
  @RequirePermission('events.manage')
  reorder(@Param('eventId') eventId: string, @Body() body: AgendaOrderDto): Promise<Agenda> {
    return this.agenda.reorder(eventId, body);
  }

  @Put(':sessionId')
  @RequirePermission('events.manage')
  update(
    @Param('eventId') eventId: string,
    @Param('sessionId') sessionId: string,
    @Body() body: AgendaSessionDto,
  ): Promise<Agenda> {
    return this.agenda.update(eventId, sessionId, body);
  }

  @Delete(':sessionId')
  @HttpCode(200)
  @RequirePermission('events.manage')
  remove(
    @Param('eventId') eventId: string,
    @Param('sessionId') sessionId: string,
  ): Promise<Agenda> {
    return this.agenda.remove(eventId, sessionId);
  }
}
