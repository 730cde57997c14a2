import {
  RetentionPolicy,
  RetentionPolicyUpdate,
  RetentionPreview,
  RetentionPreviewQuery,
  RetentionRuns,
} from '@convene/contracts';
import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { RequirePermission } from '../common/access.decorators';
import { ApiProblem } from '../common/openapi';
import { RetentionService } from './retention.service';

class RetentionPolicyDto extends createZodDto(RetentionPolicy) {}
class RetentionPolicyUpdateDto extends createZodDto(RetentionPolicyUpdate) {}
class RetentionPreviewDto extends createZodDto(RetentionPreview) {}
class RetentionPreviewQueryDto extends createZodDto(RetentionPreviewQuery) {}
class RetentionRunsDto extends createZodDto(RetentionRuns) {}

/** The tenant's retention periods and runs, for its admins (docs/privacy.md). */
@ApiTags('privacy')
@Controller('t/:tenant/privacy/retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Get()
  @RequirePermission('tenant.manage')
  @ZodResponse({ status: 200, type: RetentionPolicyDto, description: 'The periods in force' })
  @ApiOperation({
    description:
      'How long personal data is kept: the tenant’s periods, or the defaults (version 0).',
  })
  get() {
    return this.retention.get();
  }

  @Put()
  @RequirePermission('tenant.manage')
  @ZodResponse({ status: 200, type: RetentionPolicyDto, description: 'The periods as saved' })
  @ApiProblem(409, 'stale-version')
  @ApiOperation({ description: 'Sets the periods, with the version read (0 for the defaults).' })
  update(@Body() body: RetentionPolicyUpdateDto) {
    return this.retention.update(body);
  }

  @Get('preview')
  @RequirePermission('tenant.manage')
  @ZodResponse({ status: 200, type: RetentionPreviewDto, description: 'What that run will do' })
  @ApiOperation({
    description:
      'What the retention run of a day (today by default, up to three years ahead) will anonymise and delete, with the periods and data of now.',
  })
  preview(@Query() query: RetentionPreviewQueryDto) {
    return this.retention.preview(query.on);
  }

  @Get('runs')
  @RequirePermission('tenant.manage')
  @ZodResponse({ status: 200, type: RetentionRunsDto, description: 'The latest runs' })
  @ApiOperation({ description: 'The latest retention runs: day, status and what each did.' })
  runs() {
    return this.retention.runs();
  }
}
