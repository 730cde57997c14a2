import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MailModule } from '../mail/mail.module';
import { InvitationsController, MembersController } from './members.controller';
import { MembersService } from './members.service';

/** A tenant's people and invitations, managed by its admins. */
@Module({
  imports: [AuditModule, MailModule],
  controllers: [MembersController, InvitationsController],
  providers: [MembersService],
  // The roster invites experts through the same flow (apps/api/src/experts).
  exports: [MembersService],
})
export class MembersModule {}
