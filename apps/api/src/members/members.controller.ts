import type { Page, PendingInvitation, TenantMember } from '@convene/contracts';
import {
  InvitationCreate,
  MembershipUpdate,
  PageQuery,
  TenantMemberQuery,
} from '@convene/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { CurrentTenant, CurrentUser, RequirePermission } from '../common/access.decorators';
import type { AuthenticatedUser, TenantScope } from '../db/request-context';
import { MembersService } from './members.service';

class TenantMemberQueryDto extends createZodDto(TenantMemberQuery) {}
class MembershipUpdateDto extends createZodDto(MembershipUpdate) {}
class InvitationCreateDto extends createZodDto(InvitationCreate) {}
class InvitationQueryDto extends createZodDto(PageQuery) {}

@ApiTags('members')
@Controller('t/:tenant/members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @RequirePermission('users.read')
  list(@Query() query: TenantMemberQueryDto): Promise<Page<TenantMember>> {
    return this.members.list(query);
  }

  @Get(':membershipId')
  @RequirePermission('users.read')
  get(@Param('membershipId') membershipId: string): Promise<TenantMember> {
    return this.members.get(membershipId);
  }

  @Patch(':membershipId')
  @RequirePermission('users.manage')
  update(
    @CurrentTenant() tenant: TenantScope,
    @Param('membershipId') membershipId: string,
    @Body() body: MembershipUpdateDto,
  ): Promise<TenantMember> {
    return this.members.update(tenant, membershipId, body);
  }

  @Post(':membershipId/deactivate')
  @HttpCode(200)
  @RequirePermission('users.manage')
  deactivate(
    @CurrentTenant() tenant: TenantScope,
    @Param('membershipId') membershipId: string,
  ): Promise<TenantMember> {
    return this.members.setStatus(tenant, membershipId, 'deactivated');
  }

  @Post(':membershipId/reactivate')
  @HttpCode(200)
  @RequirePermission('users.manage')
  reactivate(
    @CurrentTenant() tenant: TenantScope,
    @Param('membershipId') membershipId: string,
  ): Promise<TenantMember> {
    return this.members.setStatus(tenant, membershipId, 'active');
  }
}

@ApiTags('members')
@Controller('t/:tenant/invitations')
export class InvitationsController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @RequirePermission('users.manage')
  list(@Query() query: InvitationQueryDto): Promise<Page<PendingInvitation>> {
    return this.members.listInvitations(query.limit, query.after);
  }

  @Post()
  @RequirePermission('users.manage')
  invite(
    @CurrentTenant() tenant: TenantScope,
    @CurrentUser() inviter: AuthenticatedUser,
    @Body() body: InvitationCreateDto,
  ): Promise<PendingInvitation> {
    return this.members.invite(tenant, inviter, body);
  }

  @Delete(':invitationId')
  @HttpCode(204)
  @RequirePermission('users.manage')
  async revoke(@Param('invitationId') invitationId: string): Promise<void> {
    await this.members.revokeInvitation(invitationId);
  }
}
