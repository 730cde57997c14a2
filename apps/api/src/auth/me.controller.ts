import type { UserProfile } from '@convene/contracts';
import { PasswordChange, ProfileUpdate } from '@convene/contracts';
import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { CurrentUser } from '../common/access.decorators';
import type { AuthenticatedUser } from '../db/request-context';
import { AuthService } from './auth.service';

class ProfileUpdateDto extends createZodDto(ProfileUpdate) {}
class PasswordChangeDto extends createZodDto(PasswordChange) {}

/** The signed-in person's own account, whatever tenant they are in. */
@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(private readonly auth: AuthService) {}

  @Get()
  profile(@CurrentUser() user: AuthenticatedUser): Promise<UserProfile> {
    return this.auth.profile(user);
  }

  @Patch()
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: ProfileUpdateDto,
  ): Promise<UserProfile> {
    return this.auth.updateProfile(user, body);
  }

  @Post('password')
  @HttpCode(204)
  async changePassword(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: PasswordChangeDto,
  ): Promise<void> {
    await this.auth.changePassword(user, body);
  }
}
