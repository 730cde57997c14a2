import { PageQuery, PrivacyRequestPage } from '@convene/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { RequirePermission } from '../common/access.decorators';
import { ApiProblem } from '../common/openapi';
import { PeopleService } from './people.service';

class PrivacyRequestsQueryDto extends createZodDto(PageQuery) {}
class PrivacyRequestPageDto extends createZodDto(PrivacyRequestPage) {}

/**
 * The record of requests about people's data (docs/privacy.md): every export and erasure of the
 * tenant, for its admins, newest first.
 */
@ApiTags('privacy')
@Controller('t/:tenant/privacy/requests')
export class PrivacyRequestsController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  @RequirePermission('tenant.manage')
  @ZodResponse({ status: 200, type: PrivacyRequestPageDto, description: 'One page, newest first' })
  @ApiProblem(400, 'validation', 'invalid-cursor')
  @ApiOperation({
    description:
      'Every export and erasure of a person’s data in the tenant: when, what, about whom (a reference that names no one, and the name only while the tenant still holds it), by whom and the reason given. Keyset-paged with `after`.',
  })
  list(@Query() query: PrivacyRequestsQueryDto) {
    return this.people.requests(query);
  }
}
