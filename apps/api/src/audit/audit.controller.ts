import { AuditEntryPage, PageQuery } from '@convene/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { RequirePermission } from '../common/access.decorators';
import { AuditService } from './audit.service';

class AuditQueryDto extends createZodDto(PageQuery) {}
class AuditEntryPageDto extends createZodDto(AuditEntryPage) {}

@ApiTags('audit')
@Controller('t/:tenant/audit-log')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePermission('audit.read')
  @ZodResponse({ status: 200, type: AuditEntryPageDto, description: 'Newest first' })
  @ApiOperation({
    description:
      "The tenant's audit log, newest first: who changed what, with the entity before and after.",
  })
  list(@Query() query: AuditQueryDto) {
    return this.audit.list(query.limit, query.after);
  }
}
