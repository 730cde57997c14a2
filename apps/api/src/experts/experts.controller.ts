import {
  AssignmentCreate,
  AssignmentDecline,
  AssignmentVersion,
  Declaration,
  DeclarationInput,
  EventExperts,
  ExpertAssignment,
  ExpertDetail,
  ExpertInvite,
  ExpertNotes,
  ExpertNotesInput,
  ExpertPanel,
  ExpertProfile,
  ExpertProfileInput,
  ExpertRosterPage,
  ExpertRosterQuery,
  MyAssignment,
  PendingInvitation,
} from '@convene/contracts';
import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { CurrentTenant, CurrentUser, RequirePermission } from '../common/access.decorators';
import { ApiProblem } from '../common/openapi';
import type { AuthenticatedUser, TenantScope } from '../db/request-context';
import { AssignmentsService } from './assignments.service';
import { RosterService } from './roster.service';

class ExpertRosterQueryDto extends createZodDto(ExpertRosterQuery) {}
class ExpertProfileInputDto extends createZodDto(ExpertProfileInput) {}
class ExpertNotesInputDto extends createZodDto(ExpertNotesInput) {}
class ExpertInviteDto extends createZodDto(ExpertInvite) {}
class AssignmentCreateDto extends createZodDto(AssignmentCreate) {}
class AssignmentVersionDto extends createZodDto(AssignmentVersion) {}
class AssignmentDeclineDto extends createZodDto(AssignmentDecline) {}
class DeclarationInputDto extends createZodDto(DeclarationInput) {}
class ExpertRosterPageDto extends createZodDto(ExpertRosterPage) {}
class ExpertDetailDto extends createZodDto(ExpertDetail) {}
class ExpertProfileDto extends createZodDto(ExpertProfile) {}
class ExpertNotesDto extends createZodDto(ExpertNotes) {}
class PendingInvitationDto extends createZodDto(PendingInvitation) {}
class EventExpertsDto extends createZodDto(EventExperts) {}
class ExpertAssignmentDto extends createZodDto(ExpertAssignment) {}
class MyAssignmentDto extends createZodDto(MyAssignment) {}
class ExpertPanelDto extends createZodDto(ExpertPanel) {}
class DeclarationDto extends createZodDto(Declaration) {}

/** The roster, for officers: profiles, notes experts never read, inviting experts. */
@ApiTags('experts')
@Controller('t/:tenant/experts')
export class RosterController {
  constructor(private readonly roster: RosterService) {}

  @Get()
  @RequirePermission('experts.manage')
  @ZodResponse({ status: 200, type: ExpertRosterPageDto, description: 'Active experts by name' })
  @ApiOperation({
    description:
      "The tenant's active experts, searched by name, organisation or bio and filtered by area, language, regional group and availability.",
  })
  list(@Query() query: ExpertRosterQueryDto) {
    return this.roster.list(query);
  }

  @Post('invitations')
  @RequirePermission('experts.manage')
  @ZodResponse({
    status: 201,
    type: PendingInvitationDto,
    description: 'Invited with the expert role: the invitation mail is queued',
  })
  @ApiProblem(409, 'already-member')
  @ApiOperation({
    description: "Invites a person into the roster: the tenant's invitation, with the expert role.",
  })
  invite(
    @CurrentTenant() tenant: TenantScope,
    @CurrentUser() inviter: AuthenticatedUser,
    @Body() body: ExpertInviteDto,
  ) {
    return this.roster.invite(tenant, inviter, body);
  }

  @Get(':userId')
  @RequirePermission('experts.manage')
  @ZodResponse({ status: 200, type: ExpertDetailDto, description: 'The expert' })
  @ApiOperation({ description: "An expert's profile, the officers' notes and the events served." })
  detail(@Param('userId') userId: string) {
    return this.roster.detail(userId);
  }

  @Put(':userId')
  @RequirePermission('experts.manage')
  @ZodResponse({ status: 200, type: ExpertProfileDto, description: 'The profile as saved' })
  @ApiProblem(409, 'stale-version')
  @ApiOperation({ description: "Saves an expert's profile (with the version read)." })
  update(@Param('userId') userId: string, @Body() body: ExpertProfileInputDto) {
    return this.roster.update(userId, body);
  }

  @Put(':userId/notes')
  @RequirePermission('experts.manage')
  @ZodResponse({ status: 200, type: ExpertNotesDto, description: 'The notes as saved' })
  @ApiOperation({
    description: "Replaces the officers' notes on an expert; experts never read them.",
  })
  notes(@Param('userId') userId: string, @Body() body: ExpertNotesInputDto) {
    return this.roster.updateNotes(userId, body);
  }
}

/** The expert's own: profile, home panel, answers to assignments, declarations. */
@ApiTags('experts')
@Controller('t/:tenant/me')
export class MyExpertController {
  constructor(
    private readonly roster: RosterService,
    private readonly assignments: AssignmentsService,
  ) {}

  @Get('expert-profile')
  @RequirePermission('experts.profile')
  @ZodResponse({ status: 200, type: ExpertProfileDto, description: 'The caller’s profile' })
  @ApiOperation({ description: "The caller's expert profile (empty, version 0, until saved)." })
  profile() {
    return this.roster.mine();
  }

  @Put('expert-profile')
  @RequirePermission('experts.profile')
  @ZodResponse({ status: 200, type: ExpertProfileDto, description: 'The profile as saved' })
  @ApiProblem(409, 'stale-version')
  @ApiOperation({ description: "Saves the caller's expert profile (with the version read)." })
  updateProfile(@Body() body: ExpertProfileInputDto) {
    return this.roster.updateMine(body);
  }

  @Get('expert-panel')
  @RequirePermission('experts.profile')
  @ZodResponse({ status: 200, type: ExpertPanelDto, description: 'The expert’s home panel' })
  @ApiOperation({
    description:
      'Assignments to answer, upcoming sessions the caller speaks at, declarations of interest due.',
  })
  panel() {
    return this.assignments.panel();
  }

  @Post('assignments/:assignmentId/accept')
  @RequirePermission('experts.profile')
  @ZodResponse({ status: 200, type: MyAssignmentDto, description: 'The assignment, accepted' })
  @ApiProblem(409, 'assignment-state', 'stale-version')
  @ApiOperation({ description: 'The expert accepts an assignment: their name goes on the agenda.' })
  accept(@Param('assignmentId') assignmentId: string, @Body() body: AssignmentVersionDto) {
    return this.assignments.answer(assignmentId, 'accept', body);
  }

  @Post('assignments/:assignmentId/decline')
  @RequirePermission('experts.profile')
  @ZodResponse({ status: 200, type: MyAssignmentDto, description: 'The assignment, declined' })
  @ApiProblem(409, 'assignment-state', 'stale-version')
  @ApiOperation({ description: 'The expert declines an assignment, saying why.' })
  decline(@Param('assignmentId') assignmentId: string, @Body() body: AssignmentDeclineDto) {
    return this.assignments.answer(assignmentId, 'decline', body);
  }

  @Put('declarations/:eventId')
  @RequirePermission('experts.profile')
  @ZodResponse({ status: 200, type: DeclarationDto, description: 'The declaration as filed' })
  @ApiOperation({
    description: 'Files the caller’s declaration of interest for an event they accepted.',
  })
  declare(@Param('eventId') eventId: string, @Body() body: DeclarationInputDto) {
    return this.assignments.declare(eventId, body);
  }
}

/** An event's experts, for officers: assignments, declarations, the panel's balance. */
@ApiTags('experts')
@Controller('t/:tenant/events/:eventId/experts')
export class EventExpertsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Get()
  @RequirePermission('experts.manage')
  @ZodResponse({ status: 200, type: EventExpertsDto, description: 'The event’s experts' })
  @ApiOperation({
    description:
      'Every assignment of the event, the declarations of interest filed and missing, and the balance of the accepted experts.',
  })
  list(@Param('eventId') eventId: string) {
    return this.assignments.forEvent(eventId);
  }

  @Post()
  @RequirePermission('experts.manage')
  @ZodResponse({ status: 201, type: ExpertAssignmentDto, description: 'Asked: the mail is queued' })
  @ApiProblem(409, 'assignment-state')
  @ApiOperation({
    description:
      'Asks an expert to take a role at the event or one of its sessions; a declined or withdrawn one is asked again.',
  })
  assign(@Param('eventId') eventId: string, @Body() body: AssignmentCreateDto) {
    return this.assignments.assign(eventId, body);
  }

  @Post(':assignmentId/withdraw')
  @RequirePermission('experts.manage')
  @ZodResponse({ status: 200, type: ExpertAssignmentDto, description: 'The assignment, withdrawn' })
  @ApiProblem(409, 'assignment-state', 'stale-version')
  @ApiOperation({ description: 'Takes an assignment back, asked or accepted.' })
  withdraw(
    @Param('eventId') eventId: string,
    @Param('assignmentId') assignmentId: string,
    @Body() body: AssignmentVersionDto,
  ) {
    return this.assignments.withdraw(eventId, assignmentId, body);
  }
}
