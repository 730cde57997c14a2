import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../common/access.decorators';
import { requestContext } from '../db/request-context';
import { applyScope } from '../db/transaction';
import { mailHealth, type MailHealth } from '../mail/mail-health';

export interface Health {
  status: 'ok';
  database: 'up';
  mail: MailHealth;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  /**
   * Answers only when the database does, with how the outbox is doing across every tenant:
   * counts and an age, nothing about anyone (the route is public). One query.
   */
  @Get()
  @Public()
  async health(): Promise<Health> {
    const { manager } = requestContext.current();
    const mail = await mailHealth(manager);
    // Back to the application role with no one in scope, for whatever follows in the request.
    await applyScope(manager, {});
    return { status: 'ok', database: 'up', mail };
  }
}
