import { Agenda, AgendaOrder, AgendaSessionInput } from '@convene/contracts';
import { Body, Controller, Delete, Get, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { OpeningWithFirstRead, RequirePermission } from '../common/access.decorators';
import { AgendaService } from './agenda.service';

class AgendaSessionDto extends createZodDto(AgendaSessionInput) {}
class AgendaOrderDto extends createZodDto(AgendaOrder) {}
class AgendaDto extends createZodDto(Agenda) {}

/** An event's sessions; each change answers with the whole agenda and its warnings. */
@ApiTags('events')
@Controller('t/:tenant/events/:eventId/agenda')
export class AgendaController {
  constructor(private readonly agenda: AgendaService) {}

  @Get()
  @RequirePermission('events.read')
  @OpeningWithFirstRead()
  @ZodResponse({ status: 200, type: AgendaDto, description: 'The sessions and their warnings' })
  @ApiOperation({
    description:
      "An event's sessions in order, with warnings about rooms and speakers booked twice.",
  })
  get(@Param('eventId') eventId: string) {
    return this.agenda.get(eventId);
  }

  @Post()
  @RequirePermission('events.manage')
  @ZodResponse({ status: 201, type: AgendaDto, description: 'The agenda with the new session' })
  @ApiOperation({ description: "Adds a session to an event's agenda." })
  add(@Param('eventId') eventId: string, @Body() body: AgendaSessionDto) {
    return this.agenda.add(eventId, body);
  }

  @Put('order')
  @RequirePermission('events.manage')
  @ZodResponse({ status: 200, type: AgendaDto, description: 'The agenda in its new order' })
  @ApiOperation({ description: "Puts an event's sessions in a new order (every session, once)." })
  reorder(@Param('eventId') eventId: string, @Body() body: AgendaOrderDto) {
    return this.agenda.reorder(eventId, body);
  }

  @Put(':sessionId')
  @RequirePermission('events.manage')
  @ZodResponse({ status: 200, type: AgendaDto, description: 'The agenda as changed' })
  @ApiOperation({ description: "Changes one session of an event's agenda." })
  update(
    @Param('eventId') eventId: string,
    @Param('sessionId') sessionId: string,
    @Body() body: AgendaSessionDto,
  ) {
    return this.agenda.update(eventId, sessionId, body);
  }

  @Delete(':sessionId')
  @RequirePermission('events.manage')
  @ZodResponse({ status: 200, type: AgendaDto, description: 'The agenda without the session' })
  @ApiOperation({ description: "Removes one session from an event's agenda." })
  remove(@Param('eventId') eventId: string, @Param('sessionId') sessionId: string) {
    return this.agenda.remove(eventId, sessionId);
  }
}
