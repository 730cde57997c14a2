import {
  AttendanceRecord,
  CertificateRevocation,
  CertificatesIssued,
  CertificateStanding,
  CertificateSummary,
  CertificateVerification,
  CheckInEntry,
  CheckInPage,
  CheckInQuery,
  CodeCheckIn,
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
  Put,
  Query,
  type StreamableFile,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { Public, RequirePermission } from '../common/access.decorators';
import { ApiProblem } from '../common/openapi';
import { AttendanceService } from './attendance.service';
import { CertificatesService } from './certificates.service';

class CheckInQueryDto extends createZodDto(CheckInQuery) {}
class CheckInPageDto extends createZodDto(CheckInPage) {}
class CheckInEntryDto extends createZodDto(CheckInEntry) {}
class AttendanceRecordDto extends createZodDto(AttendanceRecord) {}
class CodeCheckInDto extends createZodDto(CodeCheckIn) {}
class CertificateRevocationDto extends createZodDto(CertificateRevocation) {}
class CertificatesIssuedDto extends createZodDto(CertificatesIssued) {}
class CertificateSummaryDto extends createZodDto(CertificateSummary) {}
class CertificateStandingDto extends createZodDto(CertificateStanding) {}
class CertificateVerificationDto extends createZodDto(CertificateVerification) {}

/** A certificate's answer: a PDF document, downloaded. */
const Pdf = (description: string) =>
  applyDecorators(
    Header('content-type', 'application/pdf'),
    Header('content-disposition', 'attachment; filename="certificate.pdf"'),
    Header('cache-control', 'private, no-store'),
    ApiProduces('application/pdf'),
    ApiOkResponse({
      description,
      content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
    }),
  );

/** Attendance per event day and check-in at the door: officers and admins. */
@ApiTags('participation')
@Controller('t/:tenant/events/:eventId')
export class AttendanceController {
  constructor(
    private readonly attendance: AttendanceService,
    private readonly certificates: CertificatesService,
  ) {}

  @Get('check-in')
  @RequirePermission('participation.manage')
  @ZodResponse({ status: 200, type: CheckInPageDto, description: 'The check-in list of the day' })
  @ApiProblem(422, 'unprocessable')
  @ApiOperation({
    description:
      "An event day's check-in list: approved participants who did not decline, searchable by name or institution, by name. Without `day`, today at the venue (or the nearest day of the event).",
  })
  list(@Param('eventId') eventId: string, @Query() query: CheckInQueryDto) {
    return this.attendance.list(eventId, query);
  }

  @Put('attendance/:nominationId')
  @RequirePermission('participation.manage')
  @ZodResponse({ status: 200, type: CheckInEntryDto, description: 'The participant on that day' })
  @ApiProblem(422, 'unprocessable')
  @ApiOperation({
    description:
      "Records a participant's attendance on one day of the event (attended, partly, absent), replacing what was recorded.",
  })
  record(
    @Param('eventId') eventId: string,
    @Param('nominationId') nominationId: string,
    @Body() body: AttendanceRecordDto,
  ) {
    return this.attendance.record(eventId, nominationId, body);
  }

  @Post('check-in')
  @HttpCode(200)
  @RequirePermission('participation.manage')
  @ZodResponse({ status: 200, type: CheckInEntryDto, description: 'The participant, checked in' })
  @ApiProblem(422, 'unprocessable')
  @ApiOperation({
    description:
      "Checks a participant in for the day by the code of their QR code, scanned or typed. A code of no one on this event's list answers 404.",
  })
  checkIn(@Param('eventId') eventId: string, @Body() body: CodeCheckInDto) {
    return this.attendance.checkIn(eventId, body);
  }

  @Post('certificates')
  @HttpCode(200)
  @RequirePermission('participation.manage')
  @ZodResponse({
    status: 200,
    type: CertificatesIssuedDto,
    description: 'How many certificates were issued now, and how many existed',
  })
  @ApiOperation({
    description:
      'Issues a certificate of participation to everyone who attended at least one day and has none yet, and mails each. Issuing again changes nothing.',
  })
  issueAll(@Param('eventId') eventId: string) {
    return this.certificates.issueForEvent(eventId);
  }
}

/** One participant's certificate: officers and admins. */
@ApiTags('participation')
@Controller('t/:tenant/nominations/:nominationId')
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get('certificate')
  @RequirePermission('participation.manage')
  @ZodResponse({
    status: 200,
    type: CertificateStandingDto,
    description:
      'Whether the participant is on the list, the days they attended, their certificate',
  })
  @ApiOperation({
    description:
      "One participant's standing for a certificate: on the event's list or not, the days attended (fully or partly), and the certificate, valid or revoked, if one was ever issued.",
  })
  standing(@Param('nominationId') nominationId: string) {
    return this.certificates.standing(nominationId);
  }

  @Post('certificate')
  @HttpCode(200)
  @RequirePermission('participation.manage')
  @ZodResponse({ status: 200, type: CertificateSummaryDto, description: 'The certificate' })
  @ApiProblem(422, 'unprocessable')
  @ApiOperation({
    description:
      "Issues the participant's certificate (or reinstates a revoked one), and mails them. Issuing again changes nothing; without a day attended, 422.",
  })
  issue(@Param('nominationId') nominationId: string) {
    return this.certificates.issue(nominationId);
  }

  @Post('certificate/revoke')
  @HttpCode(200)
  @RequirePermission('participation.manage')
  @ZodResponse({
    status: 200,
    type: CertificateSummaryDto,
    description: 'The certificate, revoked',
  })
  @ApiOperation({
    description:
      'Revokes the certificate, saying why (kept in the audit log): its verification page says so, and it no longer downloads.',
  })
  revoke(@Param('nominationId') nominationId: string, @Body() body: CertificateRevocationDto) {
    return this.certificates.revoke(nominationId, body.reason);
  }

  @Get('certificate.pdf')
  @RequirePermission('participation.manage')
  @Pdf("The participant's certificate, in their language")
  @ApiOperation({ description: "Downloads the participant's certificate of participation." })
  pdf(@Param('nominationId') nominationId: string): Promise<StreamableFile> {
    return this.certificates.pdfForNomination(nominationId);
  }
}

/** What participants and the public reach without an account. */
@ApiTags('participation')
@Controller()
export class PublicCertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get('participant/:linkToken/certificate.pdf')
  @Public()
  @Pdf('Your certificate of participation')
  @ApiOperation({
    description:
      "The participant's certificate, from their page: the signed page link in the path is the credential.",
  })
  participantPdf(@Param('linkToken') token: string): Promise<StreamableFile> {
    return this.certificates.pdfForParticipant(token);
  }

  @Get('public/:slug/certificates/:code')
  @Public()
  @Header('cache-control', 'no-store')
  @ZodResponse({
    status: 200,
    type: CertificateVerificationDto,
    description: 'The certificate the code belongs to, valid or revoked',
  })
  @ApiOperation({
    description:
      'Confirms a certificate of participation from the verification code printed on it: holder, event, dates, and whether it is valid or revoked.',
  })
  verify(@Param('slug') slug: string, @Param('code') code: string) {
    return this.certificates.verify(slug, code);
  }
}
