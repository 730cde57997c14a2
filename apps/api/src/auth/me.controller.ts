import { LastTenantUpdate, PasswordChange, ProfileUpdate, UserProfile } from '@convene/contracts';
import { Body, Controller, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { CurrentUser } from '../common/access.decorators';
import { ApiProblem } from '../common/openapi';
import type { AuthenticatedUser } from '../db/request-context';
import { AuthService } from './auth.service';

class ProfileUpdateDto extends createZodDto(ProfileUpdate) {}
class PasswordChangeDto extends createZodDto(PasswordChange) {}
class LastTenantUpdateDto extends createZodDto(LastTenantUpdate) {}
class UserProfileDto extends createZodDto(UserProfile) {}

/** The signed-in person's own account, whatever tenant they are in. */
@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(private readonly auth: AuthService) {}

  @Get()
  @ZodResponse({ status: 200, type: UserProfileDto, description: 'The signed-in person' })
  @ApiOperation({ description: "The signed-in person's profile." })
  profile(@CurrentUser() user: AuthenticatedUser): Promise<UserProfile> {
    return this.auth.profile(user);
  }

  @Patch()
  @ZodResponse({ status: 200, type: UserProfileDto, description: 'The profile as saved' })
  @ApiOperation({
    description: "Changes the signed-in person's name, language or muted notifications.",
  })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: ProfileUpdateDto,
  ): Promise<UserProfile> {
    return this.auth.updateProfile(user, body);
  }

  @Put('last-tenant')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Remembered: signing in lands there next time' })
  @ApiProblem(404, 'not-found')
  @ApiOperation({
    description:
      'Remembers the tenant the signed-in person has just opened, so that signing in and "/" ' +
      'lead there. Only a tenant where they are an active member; any other is not found.',
  })
  async rememberLastTenant(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: LastTenantUpdateDto,
  ): Promise<void> {
    await this.auth.rememberLastTenant(user, body.tenant);
  }

  @Post('password')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Changed; other sessions of this person are ended' })
  @ApiProblem(400, 'wrong-password', 'validation', 'bad-request')
  @ApiOperation({
    description:
      "Changes the signed-in person's password, given the current one; their other sessions end.",
  })
  async changePassword(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: PasswordChangeDto,
  ): Promise<void> {
    await this.auth.changePassword(user, body);
  }
}
