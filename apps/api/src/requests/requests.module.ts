import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module';
import { AuditModule } from '../audit/audit.module';
import { EventsModule } from '../events/events.module';
import { RequestsController } from './requests.controller';
import { RequestsService } from './requests.service';

/** Member States' requests for technical assistance, answered by events. */
@Module({
  imports: [AuditModule, EventsModule, AssessmentsModule],
  controllers: [RequestsController],
  providers: [RequestsService],
})
export class RequestsModule {}
