import {
  MailRetryFilter,
  MailRetryResult,
  OutboxCounts,
  OutboxMessage,
  OutboxMessagePage,
  OutboxQuery,
} from '@convene/contracts';
import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { RequirePermission } from '../common/access.decorators';
import { ApiProblem } from '../common/openapi';
import { OutboxAdminService } from './outbox-admin.service';

class OutboxQueryDto extends createZodDto(OutboxQuery) {}
class OutboxMessageDto extends createZodDto(OutboxMessage) {}
class OutboxMessagePageDto extends createZodDto(OutboxMessagePage) {}
class OutboxCountsDto extends createZodDto(OutboxCounts) {}
class MailRetryFilterDto extends createZodDto(MailRetryFilter) {}
class MailRetryResultDto extends createZodDto(MailRetryResult) {}

/** The tenant's outgoing mail, for its administrators. */
@ApiTags('mail')
@Controller('t/:tenant/mail')
export class OutboxAdminController {
  constructor(private readonly outbox: OutboxAdminService) {}

  @Get()
  @RequirePermission('mail.manage')
  @ZodResponse({ status: 200, type: OutboxMessagePageDto, description: 'Newest first' })
  @ApiOperation({
    description:
      "The tenant's outgoing mail, newest first: to whom, what kind and how it went, never its content.",
  })
  list(@Query() query: OutboxQueryDto) {
    return this.outbox.list(query);
  }

  @Get('counts')
  @RequirePermission('mail.manage')
  @ZodResponse({ status: 200, type: OutboxCountsDto, description: 'Messages by status' })
  @ApiOperation({
    description: "How many of the tenant's messages are queued, sent, failed or cancelled.",
  })
  counts() {
    return this.outbox.counts();
  }

  /** Every failed message matching the filter, back in the queue at once. */
  @Post('retry')
  @RequirePermission('mail.manage')
  @ZodResponse({
    status: 200,
    type: MailRetryResultDto,
    description: 'How many messages went back in the queue',
  })
  @ApiOperation({
    description:
      'Queues again every failed message of the tenant that matches the filter (a kind, a creation period); cancelled mail is retried one at a time.',
  })
  retryAll(@Body() filter: MailRetryFilterDto) {
    return this.outbox.retryAll(filter);
  }

  @Post(':messageId/retry')
  @RequirePermission('mail.manage')
  @ZodResponse({ status: 200, type: OutboxMessageDto, description: 'Queued again' })
  @ApiProblem(409, 'mail-state')
  @ApiOperation({ description: 'Queues a failed or cancelled message again.' })
  retry(@Param('messageId') messageId: string) {
    return this.outbox.retry(messageId);
  }

  @Post(':messageId/cancel')
  @RequirePermission('mail.manage')
  @ZodResponse({ status: 200, type: OutboxMessageDto, description: 'Will not be sent' })
  @ApiProblem(409, 'mail-state')
  @ApiOperation({ description: 'Cancels a queued message so it is not sent.' })
  cancel(@Param('messageId') messageId: string) {
    return this.outbox.cancel(messageId);
  }
}
