import {
  InvitationCreate,
  MembershipUpdate,
  PageQuery,
  PendingInvitation,
  PendingInvitationPage,
  TenantMember,
  TenantMemberPage,
  TenantMemberQuery,
} from '@convene/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { CurrentTenant, CurrentUser, RequirePermission } from '../common/access.decorators';
import { ApiProblem } from '../common/openapi';
import type { AuthenticatedUser, TenantScope } from '../db/request-context';
import { MembersService } from './members.service';

class TenantMemberQueryDto extends createZodDto(TenantMemberQuery) {}
class MembershipUpdateDto extends createZodDto(MembershipUpdate) {}
class InvitationCreateDto extends createZodDto(InvitationCreate) {}
class InvitationQueryDto extends createZodDto(PageQuery) {}
class TenantMemberDto extends createZodDto(TenantMember) {}
class TenantMemberPageDto extends createZodDto(TenantMemberPage) {}
class PendingInvitationDto extends createZodDto(PendingInvitation) {}
class PendingInvitationPageDto extends createZodDto(PendingInvitationPage) {}

@ApiTags('members')
@Controller('t/:tenant/members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @RequirePermission('users.read')
  @ZodResponse({ status: 200, type: TenantMemberPageDto, description: 'Members by name' })
  @ApiOperation({ description: "The tenant's members, by name, filtered by role and status." })
  list(@Query() query: TenantMemberQueryDto) {
    return this.members.list(query);
  }

  @Get(':membershipId')
  @RequirePermission('users.read')
  @ZodResponse({ status: 200, type: TenantMemberDto, description: 'The member' })
  @ApiOperation({ description: 'One member of the tenant.' })
  get(@Param('membershipId') membershipId: string) {
    return this.members.get(membershipId);
  }

  @Patch(':membershipId')
  @RequirePermission('users.manage')
  @ZodResponse({ status: 200, type: TenantMemberDto, description: 'The member as changed' })
  @ApiProblem(409, 'last-admin')
  @ApiOperation({
    description: "Changes a member's role and the Member State a focal point represents.",
  })
  update(
    @CurrentTenant() tenant: TenantScope,
    @Param('membershipId') membershipId: string,
    @Body() body: MembershipUpdateDto,
  ) {
    return this.members.update(tenant, membershipId, body);
  }

  @Post(':membershipId/deactivate')
  @RequirePermission('users.manage')
  @ZodResponse({ status: 200, type: TenantMemberDto, description: 'Deactivated' })
  @ApiProblem(409, 'self-deactivation', 'last-admin')
  @ApiOperation({ description: 'Deactivates a member: they can no longer act in this tenant.' })
  deactivate(@CurrentTenant() tenant: TenantScope, @Param('membershipId') membershipId: string) {
    return this.members.setStatus(tenant, membershipId, 'deactivated');
  }

  @Post(':membershipId/reactivate')
  @RequirePermission('users.manage')
  @ZodResponse({ status: 200, type: TenantMemberDto, description: 'Active again' })
  @ApiOperation({ description: 'Reactivates a deactivated member.' })
  reactivate(@CurrentTenant() tenant: TenantScope, @Param('membershipId') membershipId: string) {
    return this.members.setStatus(tenant, membershipId, 'active');
  }
}

@ApiTags('members')
@Controller('t/:tenant/invitations')
export class InvitationsController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @RequirePermission('users.manage')
  @ZodResponse({
    status: 200,
    type: PendingInvitationPageDto,
    description: 'Invitations not yet accepted, newest first',
  })
  @ApiOperation({ description: "The tenant's invitations not yet accepted, newest first." })
  list(@Query() query: InvitationQueryDto) {
    return this.members.listInvitations(query.limit, query.after);
  }

  @Post()
  @RequirePermission('users.manage')
  @ZodResponse({
    status: 201,
    type: PendingInvitationDto,
    description: 'Invited: the invitation mail is queued',
  })
  @ApiProblem(409, 'already-member')
  @ApiOperation({
    description:
      'Invites a person by email to the tenant with a role; the invitation mail is queued.',
  })
  invite(
    @CurrentTenant() tenant: TenantScope,
    @CurrentUser() inviter: AuthenticatedUser,
    @Body() body: InvitationCreateDto,
  ) {
    return this.members.invite(tenant, inviter, body);
  }

  @Delete(':invitationId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked: its link no longer works' })
  @RequirePermission('users.manage')
  @ApiOperation({ description: 'Revokes an invitation: its link stops working.' })
  async revoke(@Param('invitationId') invitationId: string): Promise<void> {
    await this.members.revokeInvitation(invitationId);
  }
}
