import { ParticipantExportRequest } from '@convene/contracts';
import { Body, Controller, HttpCode, Param, Post, type StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { RequirePermission } from '../common/access.decorators';
import { ExportsService } from './exports.service';

class ParticipantExportRequestDto extends createZodDto(ParticipantExportRequest) {}

/** The participant list as a file: personal data leaving the system, asked for with a reason. */
@ApiTags('participation')
@Controller('t/:tenant/events/:eventId/participants/export')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Post()
  @HttpCode(200)
  @RequirePermission('participation.export')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({
    description: 'The participant list as CSV or XLSX, streamed',
    content: {
      'text/csv': { schema: { type: 'string' } },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
        schema: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiOperation({
    description:
      "The event's participant list with the columns a logistics team needs and attendance per " +
      "day. Officers and admins get every nominee, a focal point their own State's. The reason " +
      'is kept in the audit log with who exported, the format and the number of rows, written ' +
      'before the first byte is sent.',
  })
  export(
    @Param('eventId') eventId: string,
    @Body() body: ParticipantExportRequestDto,
  ): Promise<StreamableFile> {
    return this.exports.export(eventId, body);
  }
}
