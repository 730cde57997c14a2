import {
  ConsentWithdrawal,
  ConsentWithdrawalResult,
  ParticipantDecision,
  ParticipantDecisionResult,
  ParticipantDecisionView,
  ParticipantPageView,
} from '@convene/contracts';
import {
  applyDecorators,
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  UseGuards,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { LoginThrottlerGuard } from '../auth/login-throttler.guard';
import { Public } from '../common/access.decorators';
import { ApiLoginRateLimit, ApiProblem } from '../common/openapi';
import { ParticipantPageService } from './participant-page.service';

class ParticipantDecisionDto extends createZodDto(ParticipantDecision) {}
class ParticipantDecisionViewDto extends createZodDto(ParticipantDecisionView) {}
class ParticipantDecisionResultDto extends createZodDto(ParticipantDecisionResult) {}
class ParticipantPageViewDto extends createZodDto(ParticipantPageView) {}
class ConsentWithdrawalDto extends createZodDto(ConsentWithdrawal) {}
class ConsentWithdrawalResultDto extends createZodDto(ConsentWithdrawalResult) {}

/** Every refusal of a participant link: unknown or tampered, then expired, used, revoked. */
const LinkProblems = () =>
  applyDecorators(
    ApiProblem(404, 'participant-link-invalid'),
    ApiProblem(
      410,
      'participant-link-expired',
      'participant-link-used',
      'participant-link-revoked',
    ),
    // The answers name a person: kept by no cache, shared or private.
    Header('cache-control', 'no-store'),
  );

/**
 * What a participant reaches through their signed links, with no account: the token in the
 * path is the credential (docs/participation.md, "The participant's links").
 */
@ApiTags('participants')
@Controller('participant')
export class ParticipantPageController {
  constructor(private readonly pages: ParticipantPageService) {}

  @Get('decision/:linkToken')
  @Public()
  @LinkProblems()
  @ZodResponse({ status: 200, type: ParticipantDecisionViewDto, description: 'What is asked' })
  @ApiOperation({
    description:
      'What the one-time decision link asks: the event, its dates and place, and whom it is for.',
  })
  decisionView(@Param('linkToken') token: string) {
    return this.pages.decisionView(token);
  }

  @Post('decision/:linkToken')
  @Public()
  @HttpCode(200)
  @LinkProblems()
  @ApiProblem(409, 'conflict')
  // The body names no email, so only the per-address allowance counts it.
  @ApiLoginRateLimit('address')
  @UseGuards(LoginThrottlerGuard)
  @ZodResponse({ status: 200, type: ParticipantDecisionResultDto, description: 'The answer' })
  @ApiOperation({
    description:
      'Confirms or declines the participation, with dietary and accessibility needs. Single use: the link is spent, and a second answer is 410.',
  })
  decide(@Param('linkToken') token: string, @Body() body: ParticipantDecisionDto) {
    return this.pages.decide(token, body);
  }

  @Get(':linkToken')
  @Public()
  @LinkProblems()
  @ZodResponse({ status: 200, type: ParticipantPageViewDto, description: 'The participant page' })
  @ApiOperation({
    description:
      "The participant page: the event and its agenda, the participant's status, needs and check-in code.",
  })
  page(@Param('linkToken') token: string) {
    return this.pages.page(token);
  }

  @Post(':linkToken/consent-withdrawal')
  @Public()
  @HttpCode(200)
  @LinkProblems()
  // The body names no email, so only the per-address allowance counts it.
  @ApiLoginRateLimit('address')
  @UseGuards(LoginThrottlerGuard)
  @Header('cache-control', 'no-store')
  @ZodResponse({ status: 200, type: ConsentWithdrawalResultDto, description: 'What it did' })
  @ApiOperation({
    description:
      'Withdraws the consent attested for this nomination: before the event ends the nomination is withdrawn (a seat freed); after it the person’s data is anonymised. The links stop working.',
  })
  withdrawConsent(@Param('linkToken') token: string, @Body() _body: ConsentWithdrawalDto) {
    return this.pages.withdrawConsent(token);
  }

  @Get(':linkToken/calendar.ics')
  @Public()
  @LinkProblems()
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="event.ics"')
  @ApiProduces('text/calendar')
  @ApiOkResponse({
    description: 'The event, for a calendar app',
    content: { 'text/calendar': { schema: { type: 'string' } } },
  })
  @ApiOperation({ description: "The participant's event as an iCalendar file." })
  calendar(@Param('linkToken') token: string): Promise<string> {
    return this.pages.calendar(token);
  }

  @Get(':linkToken/check-in.svg')
  @Public()
  @LinkProblems()
  @ApiProblem(404, 'not-found')
  @Header('content-type', 'image/svg+xml; charset=utf-8')
  @ApiProduces('image/svg+xml')
  @ApiOkResponse({
    description: 'The QR code of the check-in code',
    content: { 'image/svg+xml': { schema: { type: 'string' } } },
  })
  @ApiOperation({
    description:
      "The participant's check-in code as a QR code (SVG), shown at the door; only while approved and not declined.",
  })
  checkInQr(@Param('linkToken') token: string): Promise<string> {
    return this.pages.checkInQr(token);
  }
}
