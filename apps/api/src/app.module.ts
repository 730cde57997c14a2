import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { ZodValidationPipe } from 'nestjs-zod';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { DataSource } from 'typeorm';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { loginThrottlers } from './auth/login-throttler.guard';
import { PostgresThrottlerStorage } from './auth/postgres-throttler.storage';
import { loggerParams } from './common/logging';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { RequestTransactionInterceptor } from './common/request-transaction.interceptor';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import type { Databases } from './db/data-source.factory';
import { DocumentsModule } from './documents/documents.module';
import { EventsModule } from './events/events.module';
import { ExpertsModule } from './experts/experts.module';
import { FiguresModule } from './participation/figures.module';
import { HealthModule } from './health/health.module';
import type { DevMailCatcher } from './mail/dev-mail-catcher';
import { DevMailModule } from './mail/dev-mail.module';
import { MailModule } from './mail/mail.module';
import { MemberStatesModule } from './member-states/member-states.module';
import { MembersModule } from './members/members.module';
import { ParticipantLinksModule } from './participation/participant-links.module';
import { NominationsModule } from './participation/nominations.module';
import { InvitationsModule } from './participation/invitations.module';
import { AttendanceModule } from './participation/attendance.module';
import { RecommendationsModule } from './recommendations/recommendations.module';
import { SearchModule } from './search/search.module';
import { AssessmentsModule } from './assessments/assessments.module';
import { ReportsModule } from './reports/reports.module';
import { DeliveryModule } from './delivery/delivery.module';
import { PrivacyModule } from './privacy/privacy.module';
import { RequestsModule } from './requests/requests.module';
import { OBJECT_STORE, type ObjectStore } from './storage/storage';
import { TenantsModule } from './tenants/tenants.module';

export interface AppModuleOptions {
  config: AppConfig;
  databases: Databases;
  /** Present in development: the in-process SMTP catcher behind /dev/mail. */
  devMail: DevMailCatcher | null;
  /** Where documents' bytes live (storage/storage.ts). */
  store: ObjectStore;
  /** Where log lines go instead of JSON on stdout (development's readable lines). */
  logStream?: DestinationStream;
}

/** Holds the configuration and the pool for every feature module (global). */
@Module({})
class CoreModule {}

/** The whole API: one module per feature, and what runs around every request. */
@Module({})
export class AppModule {
  static register(options: AppModuleOptions): DynamicModule {
    const { config } = options;
    // What every feature may inject: the configuration and the API's pool.
    const core: DynamicModule = {
      module: CoreModule,
      global: true,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DataSource, useValue: options.databases.app },
        { provide: OBJECT_STORE, useValue: options.store },
      ],
      exports: [APP_CONFIG, DataSource, OBJECT_STORE],
    };
    return {
      module: AppModule,
      imports: [
        core,
        AuditModule,
        AuthModule,
        DocumentsModule,
        EventsModule,
        ExpertsModule,
        FiguresModule,
        HealthModule,
        MailModule,
        ...(options.devMail ? [DevMailModule.register(options.devMail)] : []),
        MemberStatesModule,
        MembersModule,
        ParticipantLinksModule,
        NominationsModule,
        InvitationsModule,
        // Participation (issue 12): one module per part.
        AttendanceModule,
        // Experts and outputs (issue 13): meetings' recommendations.
        RecommendationsModule,
        SearchModule,
        // Needs assessments (issue 14).
        AssessmentsModule,
        // Coverage map, dashboard and State page (issue 15).
        ReportsModule,
        // Tool delivery, coverage and IATI (issue 15).
        DeliveryModule,
        PrivacyModule,
        RequestsModule,
        TenantsModule,
        LoggerModule.forRoot(loggerParams(config, options.logStream)),
        ThrottlerModule.forRoot({
          throttlers: loginThrottlers({
            perAccount: config.loginRateLimit,
            perAddress: config.loginRateLimitPerAddress,
          }),
          storage: new PostgresThrottlerStorage(options.databases.app),
        }),
      ],
      providers: [
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: RequestTransactionInterceptor },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }
}
