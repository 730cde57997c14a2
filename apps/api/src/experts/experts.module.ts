import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MailModule } from '../mail/mail.module';
import { MembersModule } from '../members/members.module';
import { AssignmentsService } from './assignments.service';
import { MyCvController, RosterCvController } from './expert-cv.controller';
import { ExpertCvService } from './expert-cv.service';
import { EventExpertsController, MyExpertController, RosterController } from './experts.controller';
import { RosterService } from './roster.service';

/** Experts (docs/experts.md): the roster, assignments, declarations of interest. */
@Module({
  imports: [AuditModule, MailModule, MembersModule],
  controllers: [
    RosterController,
    MyExpertController,
    EventExpertsController,
    RosterCvController,
    MyCvController,
  ],
  providers: [RosterService, AssignmentsService, ExpertCvService],
  exports: [RosterService],
})
export class ExpertsModule {}
