import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OutboxAdminController } from './outbox-admin.controller';
import { OutboxAdminService } from './outbox-admin.service';
import { OutboxService } from './outbox.service';

/** The outbox other features write mail to, and the tenant admins' Mail page. */
@Module({
  imports: [AuditModule],
  controllers: [OutboxAdminController],
  providers: [OutboxService, OutboxAdminService],
  exports: [OutboxService],
})
export class MailModule {}
