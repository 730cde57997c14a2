import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MailModule } from '../mail/mail.module';
import { TenantsModule } from '../tenants/tenants.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { MeController } from './me.controller';
import { SessionService } from './session.service';

/** Sign-in, sessions, password resets, accepting invitations, and the person's own profile. */
@Module({
  imports: [AuditModule, MailModule, TenantsModule],
  controllers: [AuthController, MeController],
  providers: [AuthService, SessionService],
  // The request interceptor opens every request through the session service.
  exports: [SessionService],
})
export class AuthModule {}
