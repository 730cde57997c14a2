import { OutboxCounts, OutboxMessage, OutboxMessagePage, OutboxQuery } from '@convene/contracts';
import { Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { RequirePermission } from '../common/access.decorators';
import { ApiProblem } from '../common/openapi';
import { OutboxAdminService } from './outbox-admin.service';

class OutboxQueryDto extends createZodDto(OutboxQuery) {}
class OutboxMessageDto extends createZodDto(OutboxMessage) {}
class OutboxMessagePageDto extends createZodDto(OutboxMessagePage) {}
class OutboxCountsDto extends createZodDto(OutboxCounts) {}

/** The tenant's outgoing mail, for its administrators. */
@ApiTags('mail')
@Controller('t/:tenant/mail')
export class OutboxAdminController {
  constructor(private readonly outbox: OutboxAdminService) {}

  @Get()
  @RequirePermission('mail.manage')
  @ZodResponse({ status: 200, type: OutboxMessagePageDto, description: 'Newest first' })
  list(@Query() query: OutboxQueryDto) {
    return this.outbox.list(query);
  }

  @Get('counts')
  @RequirePermission('mail.manage')
  @ZodResponse({ status: 200, type: OutboxCountsDto, description: 'Messages by status' })
  counts() {
    return this.outbox.counts();
  }

  @Post(':messageId/retry')
  @RequirePermission('mail.manage')
  @ZodResponse({ status: 200, type: OutboxMessageDto, description: 'Queued again' })
  @ApiProblem(409, 'mail-state')
  retry(@Param('messageId') messageId: string) {
    return this.outbox.retry(messageId);
  }

  @Post(':messageId/cancel')
  @RequirePermission('mail.manage')
  @ZodResponse({ status: 200, type: OutboxMessageDto, description: 'Will not be sent' })
  @ApiProblem(409, 'mail-state')
  cancel(@Param('messageId') messageId: string) {
    return this.outbox.cancel(messageId);
  }
}
