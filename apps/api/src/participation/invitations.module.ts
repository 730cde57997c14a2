import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MailModule } from '../mail/mail.module';
import { StateInvitationsController, MyInvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { StateListsController } from './state-lists.controller';
import { StateListsService } from './state-lists.service';

/** States invited to events, their answers and seat requests, and saved lists of States. */
@Module({
  imports: [AuditModule, MailModule],
  controllers: [StateInvitationsController, MyInvitationsController, StateListsController],
  providers: [InvitationsService, StateListsService],
})
export class InvitationsModule {}
