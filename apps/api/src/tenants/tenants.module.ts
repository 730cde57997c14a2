import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { TenantSettingsController } from './tenant-settings.controller';
import { TenantSettingsService } from './tenant-settings.service';
import { TenantsController } from './tenants.controller';
import { TenantsService } from './tenants.service';

/** The tenant registry, a person's memberships and the tenant's own settings. */
@Module({
  imports: [AuditModule],
  controllers: [TenantsController, TenantSettingsController],
  providers: [TenantsService, TenantSettingsService],
  exports: [TenantsService],
})
export class TenantsModule {}
