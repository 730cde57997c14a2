import { Health } from '@convene/contracts';
import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { Public } from '../common/access.decorators';
import { requestContext } from '../db/request-context';
import { applyScope } from '../db/transaction';
import { mailHealth } from '../mail/mail-health';

class HealthDto extends createZodDto(Health) {}

@ApiTags('health')
@Controller('health')
export class HealthController {
  /**
   * Answers only when the database does, with how the outbox is doing across every tenant:
   * counts and an age, nothing about anyone (the route is public). One query.
   */
  @Get()
  @Public()
  @ZodResponse({
    status: 200,
    type: HealthDto,
    description: 'The API and its database answer; the outbox in three numbers',
  })
  @ApiOperation({
    description:
      'Answers when the API and its database do, with the outbox across every tenant in three numbers (nothing about anyone); for load balancers and monitoring.',
  })
  async health(): Promise<Health> {
    const { manager } = requestContext.current();
    const mail = await mailHealth(manager);
    // Back to the application role with no one in scope, for whatever follows in the request.
    await applyScope(manager, {});
    return { status: 'ok', database: 'up', mail };
  }
}
