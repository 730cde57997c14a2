import {
  EventParticipation,
  InvitationDecline,
  InvitationReminder,
  OpenInvitationList,
  ParticipationQuery,
  ParticipationSettings,
  ParticipationSettingsInput,
  SeatRequestAnswer,
  SeatRequestCreate,
  StateInvitation,
  StateInvitationCreate,
  StateInvitationResult,
  StateInvitationUpdate,
} from '@convene/contracts';
import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { CurrentTenant, RequirePermission } from '../common/access.decorators';
import { ApiProblem } from '../common/openapi';
import type { TenantScope } from '../db/request-context';
import { InvitationsService } from './invitations.service';

class ParticipationQueryDto extends createZodDto(ParticipationQuery) {}
class ParticipationSettingsInputDto extends createZodDto(ParticipationSettingsInput) {}
class StateInvitationCreateDto extends createZodDto(StateInvitationCreate) {}
class StateInvitationUpdateDto extends createZodDto(StateInvitationUpdate) {}
class InvitationDeclineDto extends createZodDto(InvitationDecline) {}
class SeatRequestCreateDto extends createZodDto(SeatRequestCreate) {}
class SeatRequestAnswerDto extends createZodDto(SeatRequestAnswer) {}
class EventParticipationDto extends createZodDto(EventParticipation) {}
class ParticipationSettingsDto extends createZodDto(ParticipationSettings) {}
class StateInvitationDto extends createZodDto(StateInvitation) {}
class StateInvitationResultDto extends createZodDto(StateInvitationResult) {}
class InvitationReminderDto extends createZodDto(InvitationReminder) {}
class OpenInvitationListDto extends createZodDto(OpenInvitationList) {}

/**
 * States invited to an event: officers invite, edit, withdraw, remind and answer seat requests;
 * the invited State's focal points accept, decline and ask for seats (their own State's
 * invitation only: any other answers 404).
 */
@ApiTags('participation')
@Controller('t/:tenant/events/:eventId')
export class StateInvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get('participation')
  @RequirePermission('events.read')
  @ZodResponse({ status: 200, type: EventParticipationDto, description: 'The invited States' })
  @ApiOperation({
    description:
      'The participation tab: each invited State with its seats and figures, and the totals. Planners see every State, a focal point their own, others none.',
  })
  participation(@Param('eventId') eventId: string, @Query() query: ParticipationQueryDto) {
    return this.invitations.participation(eventId, query);
  }

  @Put('participation-settings')
  @RequirePermission('participation.manage')
  @ZodResponse({ status: 200, type: ParticipationSettingsDto, description: 'As saved' })
  @ApiOperation({
    description:
      "The event's default nomination deadline and whether its experts see participants' names.",
  })
  settings(@Param('eventId') eventId: string, @Body() body: ParticipationSettingsInputDto) {
    return this.invitations.updateSettings(eventId, body);
  }

  @Post('invitations')
  @RequirePermission('participation.manage')
  @ZodResponse({
    status: 201,
    type: StateInvitationResultDto,
    description: 'The States invited, and those skipped as invited already',
  })
  @ApiProblem(409, 'invitation-state')
  @ApiOperation({
    description:
      'Invites States one by one, by regional group, by region or from saved lists, each with seats and a nomination deadline.',
  })
  invite(
    @CurrentTenant() tenant: TenantScope,
    @Param('eventId') eventId: string,
    @Body() body: StateInvitationCreateDto,
  ) {
    return this.invitations.invite(tenant, eventId, body);
  }

  @Patch('invitations/:invitationId')
  @RequirePermission('participation.manage')
  @ZodResponse({ status: 200, type: StateInvitationDto, description: 'The invitation as saved' })
  @ApiProblem(409, 'seats-taken', 'invitation-state', 'stale-version')
  @ApiOperation({
    description:
      "Changes a State's seats or deadline; never fewer seats than its approved participants.",
  })
  update(
    @Param('eventId') eventId: string,
    @Param('invitationId') invitationId: string,
    @Body() body: StateInvitationUpdateDto,
  ) {
    return this.invitations.update(eventId, invitationId, body);
  }

  @Post('invitations/:invitationId/withdraw')
  @RequirePermission('participation.manage')
  @ZodResponse({ status: 200, type: StateInvitationDto, description: 'The invitation, withdrawn' })
  @ApiProblem(409, 'seats-taken', 'invitation-state')
  @ApiOperation({
    description: 'Takes an invitation back, while the State holds no approved seat.',
  })
  withdraw(@Param('eventId') eventId: string, @Param('invitationId') invitationId: string) {
    return this.invitations.withdraw(eventId, invitationId);
  }

  @Post('invitations/:invitationId/remind')
  @RequirePermission('participation.manage')
  @ZodResponse({ status: 200, type: InvitationReminderDto, description: 'The reminder sent' })
  @ApiProblem(409, 'reminded-recently', 'invitation-state')
  @ApiOperation({
    description: "Mails the State's focal points about the open invitation, at most once an hour.",
  })
  remind(@Param('eventId') eventId: string, @Param('invitationId') invitationId: string) {
    return this.invitations.remind(eventId, invitationId);
  }

  @Post('invitations/:invitationId/seat-request/answer')
  @RequirePermission('participation.manage')
  @ZodResponse({ status: 200, type: StateInvitationDto, description: 'The invitation as saved' })
  @ApiProblem(409, 'invitation-state')
  @ApiOperation({
    description: "Grants a State's request for more seats, or refuses it with an answer.",
  })
  answerSeatRequest(
    @Param('eventId') eventId: string,
    @Param('invitationId') invitationId: string,
    @Body() body: SeatRequestAnswerDto,
  ) {
    return this.invitations.answerSeatRequest(eventId, invitationId, body);
  }

  @Post('invitations/:invitationId/accept')
  @RequirePermission('participation.nominate')
  @ZodResponse({ status: 200, type: StateInvitationDto, description: 'The invitation, accepted' })
  @ApiProblem(409, 'invitation-state')
  @ApiOperation({ description: "A focal point accepts their State's invitation." })
  accept(@Param('eventId') eventId: string, @Param('invitationId') invitationId: string) {
    return this.invitations.accept(eventId, invitationId);
  }

  @Post('invitations/:invitationId/decline')
  @RequirePermission('participation.nominate')
  @ZodResponse({ status: 200, type: StateInvitationDto, description: 'The invitation, declined' })
  @ApiProblem(409, 'invitation-state', 'seats-taken')
  @ApiOperation({ description: "A focal point declines their State's invitation, saying why." })
  decline(
    @Param('eventId') eventId: string,
    @Param('invitationId') invitationId: string,
    @Body() body: InvitationDeclineDto,
  ) {
    return this.invitations.decline(eventId, invitationId, body);
  }

  @Post('invitations/:invitationId/seat-request')
  @RequirePermission('participation.nominate')
  @ZodResponse({ status: 200, type: StateInvitationDto, description: 'The invitation as saved' })
  @ApiProblem(409, 'invitation-state')
  @ApiOperation({ description: 'A focal point asks for more seats for their State, saying why.' })
  requestSeats(
    @Param('eventId') eventId: string,
    @Param('invitationId') invitationId: string,
    @Body() body: SeatRequestCreateDto,
  ) {
    return this.invitations.requestSeats(eventId, invitationId, body);
  }
}

/** The focal point's home panel: their State's open invitations. */
@ApiTags('participation')
@Controller('t/:tenant/me/invitations')
export class MyInvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get()
  @RequirePermission('participation.nominate')
  @ZodResponse({ status: 200, type: OpenInvitationListDto, description: 'Soonest deadline first' })
  @ApiOperation({
    description:
      "The open invitations of the focal point's State: not declined or withdrawn, deadline not passed.",
  })
  list() {
    return this.invitations.openInvitations();
  }
}
