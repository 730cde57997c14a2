import { CurrentTenantView } from '@convene/contracts';
import { permissionsOf } from '@convene/domain';
import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { CurrentTenant, RequirePermission } from '../common/access.decorators';
import type { TenantScope } from '../db/request-context';

class CurrentTenantViewDto extends createZodDto(CurrentTenantView) {}

@ApiTags('tenants')
@Controller('t/:tenant')
export class TenantsController {
  /** The tenant as the caller sees it: its name, their role and what it lets them do. */
  @Get()
  @RequirePermission('tenant.read')
  @ZodResponse({ status: 200, type: CurrentTenantViewDto, description: 'The tenant and your role' })
  @ApiOperation({
    description: 'The tenant as the caller sees it: its name, their role and what it lets them do.',
  })
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
