import { AccountClosure } from '@convene/contracts';
import { Body, Controller, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { createZodDto } from 'nestjs-zod';
import { LoginThrottlerGuard } from '../auth/login-throttler.guard';
import { SessionService } from '../auth/session.service';
import { CurrentUser } from '../common/access.decorators';
import { ApiLoginRateLimit, ApiProblem } from '../common/openapi';
import type { AuthenticatedUser } from '../db/request-context';
import { AccountClosureService } from './account-closure.service';

class AccountClosureDto extends createZodDto(AccountClosure) {}

/** The signed-in person closes their own account (docs/privacy.md). */
@ApiTags('me')
@Controller('me/account')
export class AccountClosureController {
  constructor(
    private readonly closure: AccountClosureService,
    private readonly sessions: SessionService,
  ) {}

  @Post('close')
  @HttpCode(204)
  // The password is checked: limited like signing in, per address.
  @ApiLoginRateLimit('address')
  @UseGuards(LoginThrottlerGuard)
  @ApiNoContentResponse({ description: 'Closed: signed out everywhere, the cookies cleared' })
  @ApiProblem(400, 'wrong-password', 'validation', 'bad-request')
  @ApiProblem(409, 'last-admin')
  @ApiOperation({
    description:
      'Closes the signed-in person’s account, given their password and a confirmation: every membership ends, their expert profiles are anonymised, mail to them is cleared, the account names a former member and can no longer sign in. Refused (409) while they are the last administrator of an organisation.',
  })
  async close(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: AccountClosureDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.closure.close(user, body);
    this.sessions.clearCookies(reply);
  }
}
