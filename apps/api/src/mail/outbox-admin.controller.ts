import type { MailRetryResult, OutboxCounts, OutboxMessage, Page } from '@convene/contracts';
import { MailRetryFilter, OutboxQuery } from '@convene/contracts';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { RequirePermission } from '../common/access.decorators';
import { OutboxAdminService } from './outbox-admin.service';

class OutboxQueryDto extends createZodDto(OutboxQuery) {}
class MailRetryFilterDto extends createZodDto(MailRetryFilter) {}

/** The tenant's outgoing mail, for its administrators. */
@ApiTags('mail')
@Controller('t/:tenant/mail')
export class OutboxAdminController {
  constructor(private readonly outbox: OutboxAdminService) {}

  @Get()
  @RequirePermission('mail.manage')
  list(@Query() query: OutboxQueryDto): Promise<Page<OutboxMessage>> {
    return this.outbox.list(query);
  }

  @Get('counts')
  @RequirePermission('mail.manage')
  counts(): Promise<OutboxCounts> {
    return this.outbox.counts();
  }

  /** Every failed message matching the filter, back in the queue at once. */
  @Post('retry')
  @HttpCode(200)
  @RequirePermission('mail.manage')
  retryAll(@Body() filter: MailRetryFilterDto): Promise<MailRetryResult> {
    return this.outbox.retryAll(filter);
  }

  @Post(':messageId/retry')
  @HttpCode(200)
  @RequirePermission('mail.manage')
  retry(@Param('messageId') messageId: string): Promise<OutboxMessage> {
    return this.outbox.retry(messageId);
  }

  @Post(':messageId/cancel')
  @HttpCode(200)
  @RequirePermission('mail.manage')
  cancel(@Param('messageId') messageId: string): Promise<OutboxMessage> {
    return this.outbox.cancel(messageId);
  }
}
