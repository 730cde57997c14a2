import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../common/access.decorators';
import { requestContext } from '../db/request-context';
import { sql } from '../db/sql';

@ApiTags('health')
@Controller('health')
export class HealthController {
  /** Answers only when the database does. */
  @Get()
  @Public()
  async health(): Promise<{ status: 'ok'; database: 'up' }> {
    await sql(requestContext.current().manager, 'select 1');
    return { status: 'ok', database: 'up' };
  }
}
