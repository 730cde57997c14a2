import {
  ErasureDone,
  ErasurePreview,
  PeopleQuery,
  PeopleSearchResult,
  PersonErasureRequest,
  PersonExportRequest,
  PersonSummary,
} from '@convene/contracts';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  type StreamableFile,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { RequirePermission } from '../common/access.decorators';
import { ApiProblem } from '../common/openapi';
import { PeopleService, personPath } from './people.service';

class PeopleQueryDto extends createZodDto(PeopleQuery) {}
class PeopleSearchResultDto extends createZodDto(PeopleSearchResult) {}
class PersonSummaryDto extends createZodDto(PersonSummary) {}
class PersonExportRequestDto extends createZodDto(PersonExportRequest) {}
class PersonErasureRequestDto extends createZodDto(PersonErasureRequest) {}
class ErasurePreviewDto extends createZodDto(ErasurePreview) {}
class ErasureDoneDto extends createZodDto(ErasureDone) {}

/**
 * A person's data, on request, for the tenant's admins (docs/privacy.md): find a participant or
 * a member, what the tenant holds about them, its export, and erasure.
 */
@ApiTags('privacy')
@Controller('t/:tenant/privacy/people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  @RequirePermission('tenant.manage')
  @ZodResponse({ status: 200, type: PeopleSearchResultDto, description: 'Up to 20 people' })
  @ApiOperation({
    description:
      'Participants and members of the tenant whose name or email holds the words: a participant and a member with the same email are two records.',
  })
  search(@Query() query: PeopleQueryDto) {
    return this.people.search(query.q);
  }

  @Get(':kind/:id')
  @RequirePermission('tenant.manage')
  @ZodResponse({ status: 200, type: PersonSummaryDto, description: 'What the tenant holds' })
  @ApiProblem(400, 'validation')
  @ApiOperation({
    description:
      'Everything the tenant holds about the person, grouped: account, nominations, attendance, consents, certificates, expert records, documents uploaded, mail sent to them (never its content) and audit entries by and about them.',
  })
  summary(@Param('kind') kind: string, @Param('id') id: string) {
    return this.people.summary(personPath(kind, id));
  }

  @Post(':kind/:id/export')
  @HttpCode(200)
  @RequirePermission('tenant.manage')
  @ApiProduces('application/json', 'application/pdf')
  @ApiOkResponse({
    description: 'The same data as a download, JSON or PDF',
    content: {
      'application/json': { schema: { type: 'object' } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiOperation({
    description:
      'The person’s data as a file. The request and its reason are recorded (privacy_requests) and audited before the file is sent.',
  })
  export(
    @Param('kind') kind: string,
    @Param('id') id: string,
    @Body() body: PersonExportRequestDto,
  ): Promise<StreamableFile> {
    return this.people.export(personPath(kind, id), body);
  }

  @Get(':kind/:id/erasure')
  @RequirePermission('tenant.manage')
  @ZodResponse({ status: 200, type: ErasurePreviewDto, description: 'What erasure will do' })
  @ApiProblem(400, 'validation')
  @ApiOperation({
    description:
      'What erasing the person now removes (counts and fields) and leaves, and why it would be refused.',
  })
  erasurePreview(@Param('kind') kind: string, @Param('id') id: string) {
    return this.people.erasurePreview(personPath(kind, id));
  }

  @Post(':kind/:id/erasure')
  @HttpCode(200)
  @RequirePermission('tenant.manage')
  @ZodResponse({ status: 200, type: ErasureDoneDto, description: 'What was erased' })
  @ApiProblem(409, 'conflict', 'self-deactivation', 'last-admin')
  @ApiOperation({
    description:
      'Erases the person now: a participant is anonymised as the retention run does; a member’s expert records are anonymised, their CV deleted, their membership deactivated and mail to them forgotten. Their global account stays.',
  })
  erase(
    @Param('kind') kind: string,
    @Param('id') id: string,
    @Body() body: PersonErasureRequestDto,
  ) {
    return this.people.erase(personPath(kind, id), body);
  }
}
