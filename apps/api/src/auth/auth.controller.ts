import type { InvitationPreview, SessionView } from '@convene/contracts';
import {
  InvitationAcceptance,
  LoginRequest,
  PasswordResetCompletion,
  PasswordResetRequest,
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
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { createZodDto } from 'nestjs-zod';
import { CurrentUser, Public } from '../common/access.decorators';
import { AppException } from '../common/app-exception';
import type { AuthenticatedUser } from '../db/request-context';
import { requestContext } from '../db/request-context';
import { AuthService } from './auth.service';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { SessionService } from './session.service';

class LoginDto extends createZodDto(LoginRequest) {}
class PasswordResetRequestDto extends createZodDto(PasswordResetRequest) {}
class PasswordResetCompletionDto extends createZodDto(PasswordResetCompletion) {}
class InvitationAcceptanceDto extends createZodDto(InvitationAcceptance) {}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
  ) {}

  @Get('session')
  session(@CurrentUser() user: AuthenticatedUser): Promise<SessionView> {
    return this.auth.sessionView(requestContext.current().manager, user.id);
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseGuards(LoginThrottlerGuard)
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
  @UseGuards(LoginThrottlerGuard)
  async requestPasswordReset(@Body() body: PasswordResetRequestDto): Promise<void> {
    await this.auth.requestPasswordReset(body.email);
  }

  @Post('password-reset/complete')
  @Public()
  @HttpCode(204)
  @UseGuards(LoginThrottlerGuard)
  async completePasswordReset(@Body() body: PasswordResetCompletionDto): Promise<void> {
    await this.auth.completePasswordReset(body);
  }

  @Get('invitations/:token')
  @Public()
  previewInvitation(@Param('token') token: string): Promise<InvitationPreview> {
    if (!Token.safeParse(token).success)
      throw new AppException(404, 'invitation-invalid', 'This invitation link is not valid');
    return this.auth.previewInvitation(token);
  }

  @Post('invitations/accept')
  @Public()
  @HttpCode(200)
  @UseGuards(LoginThrottlerGuard)
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
