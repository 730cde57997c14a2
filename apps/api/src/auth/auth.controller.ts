import {
  InvitationAcceptance,
  InvitationPreview,
  LoginRequest,
  PasswordResetCompletion,
  PasswordResetRequest,
  SessionView,
  Token,
} from '@convene/contracts';
import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { CurrentUser, Public } from '../common/access.decorators';
import { AuthException } from './auth.exception';
import { ApiLoginRateLimit, ApiProblem } from '../common/openapi';
import type { AuthenticatedUser } from '../db/request-context';
import { requestContext } from '../db/request-context';
import { AuthService } from './auth.service';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { SessionService } from './session.service';

class LoginDto extends createZodDto(LoginRequest) {}
class PasswordResetRequestDto extends createZodDto(PasswordResetRequest) {}
class PasswordResetCompletionDto extends createZodDto(PasswordResetCompletion) {}
class InvitationAcceptanceDto extends createZodDto(InvitationAcceptance) {}
class SessionViewDto extends createZodDto(SessionView) {}
class InvitationPreviewDto extends createZodDto(InvitationPreview) {}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
  ) {}

  @Get('session')
  @ZodResponse({
    status: 200,
    type: SessionViewDto,
    description: 'Who is signed in, and their memberships',
  })
  @ApiOperation({
    description:
      'Who is signed in, and the tenants they belong to with their role and permissions there.',
  })
  session(@CurrentUser() user: AuthenticatedUser): Promise<SessionView> {
    return this.auth.sessionView(requestContext.current().manager, user.id);
  }

  @Post('login')
  @Public()
  @ZodResponse({
    status: 200,
    type: SessionViewDto,
    description: 'Signed in: the session cookie and a new CSRF cookie are set',
  })
  @ApiProblem(401, 'invalid-credentials')
  @ApiLoginRateLimit('address', 'account')
  @UseGuards(LoginThrottlerGuard)
  @ApiOperation({
    description:
      'Signs in with an email and password. Sets the session cookie and a CSRF cookie bound to it; limited per address and per account.',
  })
  async login(
    @Body() body: LoginDto,
    @Headers('user-agent') userAgent: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionView> {
    const { token, view } = await this.auth.login(body, userAgent);
    this.sessions.setCookies(reply, token);
    return view;
  }

  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Signed out: the session ends and its cookies are cleared' })
  @ApiOperation({ description: 'Signs out: ends this session and clears its cookies.' })
  async logout(
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(user);
    this.sessions.clearCookies(reply);
  }

  @Post('password-reset')
  @Public()
  @HttpCode(202)
  @ApiAcceptedResponse({
    description: 'A reset link is mailed if the address has an account (the answer never says)',
  })
  @ApiLoginRateLimit('address', 'account')
  @UseGuards(LoginThrottlerGuard)
  @ApiOperation({
    description:
      'Mails a single-use reset link if the address has an account; the answer is the same either way, so it reveals no account.',
  })
  async requestPasswordReset(@Body() body: PasswordResetRequestDto): Promise<void> {
    await this.auth.requestPasswordReset(body.email);
  }

  @Post('password-reset/complete')
  @Public()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The new password is set; every session is ended' })
  @ApiProblem(404, 'reset-token-invalid')
  // The body names no email, so only the per-address allowance counts it.
  @ApiLoginRateLimit('address')
  @UseGuards(LoginThrottlerGuard)
  @ApiOperation({
    description:
      'Sets a new password with the token from a reset link, and ends every session of the account.',
  })
  async completePasswordReset(@Body() body: PasswordResetCompletionDto): Promise<void> {
    await this.auth.completePasswordReset(body);
  }

  @Get('invitations/:token')
  @Public()
  @ZodResponse({
    status: 200,
    type: InvitationPreviewDto,
    description: 'What accepting the invitation will do',
  })
  @ApiProblem(404, 'invitation-invalid')
  @ApiOperation({
    description:
      'What accepting an invitation will do: the tenant, the role, and whether the invitee already has an account.',
  })
  previewInvitation(@Param('token') token: string): Promise<InvitationPreview> {
    if (!Token.safeParse(token).success)
      throw new AuthException(404, 'invitation-invalid', 'This invitation link is not valid');
    return this.auth.previewInvitation(token);
  }

  @Post('invitations/accept')
  @Public()
  @ZodResponse({
    status: 200,
    type: SessionViewDto,
    description: 'Accepted and signed in: the session cookie and a new CSRF cookie are set',
  })
  @ApiProblem(404, 'invitation-invalid')
  @ApiLoginRateLimit('address')
  @UseGuards(LoginThrottlerGuard)
  @ApiOperation({
    description: 'Accepts an invitation (making the account if the invitee has none) and signs in.',
  })
  async acceptInvitation(
    @Body() body: InvitationAcceptanceDto,
    @Headers('user-agent') userAgent: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionView> {
    const { token, view } = await this.auth.acceptInvitation(body, userAgent);
    this.sessions.setCookies(reply, token);
    return view;
  }
}
