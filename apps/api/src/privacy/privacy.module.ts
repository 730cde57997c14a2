import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { RetentionController } from './retention.controller';
import { RetentionService } from './retention.service';

/** Privacy by design: retention periods and their runs (docs/privacy.md). */
@Module({
  imports: [AuditModule],
  controllers: [RetentionController],
  providers: [RetentionService],
})
export class PrivacyModule {}
