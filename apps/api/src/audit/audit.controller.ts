import type { AuditEntry, Page } from '@convene/contracts';
import { PageQuery } from '@convene/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { RequirePermission } from '../common/access.decorators';
import { AuditService } from './audit.service';

class AuditQueryDto extends createZodDto(PageQuery) {}

@ApiTags('audit')
@Controller('t/:tenant/audit-log')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePermission('audit.read')
  list(@Query() query: AuditQueryDto): Promise<Page<AuditEntry>> {
    return this.audit.list(query.limit, query.after);
  }
}
