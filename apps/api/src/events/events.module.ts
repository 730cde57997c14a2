import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MailModule } from '../mail/mail.module';
import { AgendaController } from './agenda.controller';
import { AgendaService } from './agenda.service';
import { MyCalendarFeedController, PublicCalendarController } from './calendar-feeds.controller';
import { CalendarFeedsService } from './calendar-feeds.service';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';

/** Events, their lifecycle and agenda, and the calendars that show them. */
@Module({
  imports: [AuditModule, MailModule],
  controllers: [
    EventsController,
    AgendaController,
    MyCalendarFeedController,
    PublicCalendarController,
  ],
  providers: [EventsService, AgendaService, CalendarFeedsService],
  // Requests create the draft event that answers them through the one events service.
  exports: [EventsService],
})
export class EventsModule {}
