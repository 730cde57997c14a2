import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';
import { RetentionController } from './retention.controller';
import { RetentionService } from './retention.service';

/** Privacy by design: retention periods and their runs, a person's data on request (docs/privacy.md). */
@Module({
  imports: [AuditModule],
  controllers: [RetentionController, PeopleController],
  providers: [RetentionService, PeopleService],
})
export class PrivacyModule {}
