import { randomUUID } from 'node:crypto';
import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { ZodValidationPipe } from 'nestjs-zod';
import { LoggerModule } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AuditController } from './audit/audit.controller';
import { AuditService } from './audit/audit.service';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { loginThrottlers } from './auth/login-throttler.guard';
import { MeController } from './auth/me.controller';
import { PostgresThrottlerStorage } from './auth/postgres-throttler.storage';
import { SessionService } from './auth/session.service';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { RequestTransactionInterceptor } from './common/request-transaction.interceptor';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import type { Databases } from './db/data-source.factory';
import { HealthController } from './health/health.controller';
import { DevMailCatcher } from './mail/dev-mail-catcher';
import { DevMailController } from './mail/dev-mail.controller';
import { AgendaController } from './events/agenda.controller';
import { AgendaService } from './events/agenda.service';
import {
  MyCalendarFeedController,
  PublicCalendarController,
} from './events/calendar-feeds.controller';
import { CalendarFeedsService } from './events/calendar-feeds.service';
import { EventsController } from './events/events.controller';
import { EventsService } from './events/events.service';
import { OutboxAdminController } from './mail/outbox-admin.controller';
import { OutboxAdminService } from './mail/outbox-admin.service';
import { OutboxService } from './mail/outbox.service';
import { MemberStatesController } from './member-states/member-states.controller';
import { InvitationsController, MembersController } from './members/members.controller';
import { MembersService } from './members/members.service';
import { TenantsController } from './tenants/tenants.controller';
import { TenantsService } from './tenants/tenants.service';

export interface AppModuleOptions {
  config: AppConfig;
  databases: Databases;
  /** Present in development: the in-process SMTP catcher behind /dev/mail. */
  devMail: DevMailCatcher | null;
}

@Module({})
export class AppModule {
  static register(options: AppModuleOptions): DynamicModule {
    const { config } = options;
    const providers: Provider[] = [
      { provide: APP_CONFIG, useValue: config },
      { provide: DataSource, useValue: options.databases.app },
      { provide: APP_PIPE, useClass: ZodValidationPipe },
      { provide: APP_INTERCEPTOR, useClass: RequestTransactionInterceptor },
      { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      AgendaService,
      AuditService,
      AuthService,
      CalendarFeedsService,
      EventsService,
      MembersService,
      OutboxAdminService,
      OutboxService,
      SessionService,
      TenantsService,
    ];
    const controllers: DynamicModule['controllers'] = [
      AgendaController,
      AuditController,
      AuthController,
      MyCalendarFeedController,
      PublicCalendarController,
      EventsController,
      HealthController,
      InvitationsController,
      MeController,
      MembersController,
      MemberStatesController,
      OutboxAdminController,
      TenantsController,
    ];
    if (options.devMail) {
      providers.push({ provide: DevMailCatcher, useValue: options.devMail });
      controllers.push(DevMailController);
    }
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: (request, response) => {
              const given = request.headers['x-request-id'];
              const id =
                typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
              response.setHeader('x-request-id', id);
              return id;
            },
            redact: [
              'req.headers.cookie',
              'req.headers["x-xsrf-token"]',
              'res.headers["set-cookie"]',
            ],
            autoLogging: { ignore: (request) => request.url === '/api/health' },
          },
        }),
        ThrottlerModule.forRoot({
          throttlers: loginThrottlers({
            perAccount: config.loginRateLimit,
            perAddress: config.loginRateLimitPerAddress,
          }),
          storage: new PostgresThrottlerStorage(options.databases.app),
        }),
      ],
      controllers,
      providers,
    };
  }
}
