import { Health } from '@convene/contracts';
import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { Public } from '../common/access.decorators';
import { requestContext } from '../db/request-context';
import { sql } from '../db/sql';

class HealthDto extends createZodDto(Health) {}

@ApiTags('health')
@Controller('health')
export class HealthController {
  /** Answers only when the database does. */
  @Get()
  @Public()
  @ZodResponse({ status: 200, type: HealthDto, description: 'The API and its database answer' })
  @ApiOperation({
    description: 'Answers when the API and its database do; for load balancers and monitoring.',
  })
  async health(): Promise<Health> {
    await sql(requestContext.current().manager, 'select 1');
    return { status: 'ok', database: 'up' };
  }
}
