import { TenantSettings, TenantSettingsUpdate } from '@convene/contracts';
import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { RequirePermission } from '../common/access.decorators';
import { ApiProblem } from '../common/openapi';
import { TenantSettingsService } from './tenant-settings.service';

class TenantSettingsDto extends createZodDto(TenantSettings) {}
class TenantSettingsUpdateDto extends createZodDto(TenantSettingsUpdate) {}

/** The tenant's settings, for its admins. */
@ApiTags('tenants')
@Controller('t/:tenant/settings')
export class TenantSettingsController {
  constructor(private readonly settings: TenantSettingsService) {}

  @Get()
  @RequirePermission('tenant.manage')
  @ZodResponse({ status: 200, type: TenantSettingsDto, description: 'The tenant’s settings' })
  @ApiOperation({ description: 'The tenant’s settings: the largest file an upload may be.' })
  get() {
    return this.settings.get();
  }

  @Put()
  @RequirePermission('tenant.manage')
  @ZodResponse({ status: 200, type: TenantSettingsDto, description: 'The settings as saved' })
  @ApiProblem(409, 'stale-version')
  @ApiProblem(422, 'unprocessable')
  @ApiOperation({
    description:
      'Changes the upload limit (at least 1 MiB, at most the server’s own), with the version read.',
  })
  update(@Body() body: TenantSettingsUpdateDto) {
    return this.settings.update(body);
  }
}
