import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { AccountClosureController } from './account-closure.controller';
import { AccountClosureService } from './account-closure.service';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';
import { PrivacyRequestsController } from './privacy-requests.controller';
import { RetentionController } from './retention.controller';
import { RetentionService } from './retention.service';

/**
 * Privacy by design: retention periods and their runs, a person's data on request, closing
 * one's account (docs/privacy.md).
 */
@Module({
  imports: [AuditModule, AuthModule],
  controllers: [
    RetentionController,
    PeopleController,
    PrivacyRequestsController,
    AccountClosureController,
  ],
  providers: [RetentionService, PeopleService, AccountClosureService],
})
export class PrivacyModule {}
