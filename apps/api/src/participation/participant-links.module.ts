import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ParticipantLinksController } from './participant-links.controller';
import { ParticipantLinksService } from './participant-links.service';
import { ParticipantPageController } from './participant-page.controller';
import { ParticipantPageService } from './participant-page.service';

/** The participant's signed links and pages (part-links), and officers' hold on them. */
@Module({
  imports: [AuditModule],
  controllers: [ParticipantPageController, ParticipantLinksController],
  providers: [ParticipantLinksService, ParticipantPageService],
  exports: [ParticipantLinksService],
})
export class ParticipantLinksModule {}
