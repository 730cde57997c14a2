import type { Role } from '@convene/contracts';
import { permissionsOf } from '@convene/domain';
import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentTenant, RequirePermission } from '../common/access.decorators';
import type { TenantScope } from '../db/request-context';

export interface CurrentTenantView {
  id: string;
  slug: string;
  name: string;
  role: Role;
  memberStateAlpha3: string | null;
  permissions: string[];
}

@ApiTags('tenants')
@Controller('t/:tenant')
export class TenantsController {
  /** The tenant as the caller sees it: its name, their role and what it lets them do. */
  @Get()
  @RequirePermission('tenant.read')
  current(@CurrentTenant() tenant: TenantScope): CurrentTenantView {
    return {
      id: tenant.id,
      slug: tenant.slug,
      name: tenant.name,
      role: tenant.role,
      memberStateAlpha3: tenant.memberStateCode,
      permissions: [...permissionsOf(tenant.role)],
    };
  }
}
