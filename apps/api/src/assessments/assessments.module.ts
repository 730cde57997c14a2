import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AssessmentsController } from './assessments.controller';
import { AssessmentsService } from './assessments.service';
import { QuestionnairesController } from './questionnaires.controller';
import { QuestionnairesService } from './questionnaires.service';

/** Needs assessments of States and the versions of their questionnaire. */
@Module({
  imports: [AuditModule],
  controllers: [AssessmentsController, QuestionnairesController],
  providers: [AssessmentsService, QuestionnairesService],
  // The request page scores the request's validated assessment with the same questionnaires.
  exports: [QuestionnairesService],
})
export class AssessmentsModule {}
