import {
  DocumentDeleteQuery,
  DocumentDetail,
  DocumentListQuery,
  DocumentPage,
  DocumentSearchQuery,
  DocumentSearchResult,
  DocumentUpdate,
  DocumentUploadQuery,
  DocumentVersionUploadQuery,
  DownloadToken,
  ParticipantDocuments,
  ParticipantLinkToken,
} from '@convene/contracts';
import {
  applyDecorators,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { Public, RequirePermission } from '../common/access.decorators';
import { ApiProblem } from '../common/openapi';
import { notFound } from '../common/app-exception';
import { DocumentsService } from './documents.service';

class DocumentDeleteQueryDto extends createZodDto(DocumentDeleteQuery) {}
class DocumentDetailDto extends createZodDto(DocumentDetail) {}
class DocumentPageDto extends createZodDto(DocumentPage) {}
class DocumentListQueryDto extends createZodDto(DocumentListQuery) {}
class DocumentSearchQueryDto extends createZodDto(DocumentSearchQuery) {}
class DocumentSearchResultDto extends createZodDto(DocumentSearchResult) {}
class DocumentUpdateDto extends createZodDto(DocumentUpdate) {}
class DocumentUploadQueryDto extends createZodDto(DocumentUploadQuery) {}
class DocumentVersionUploadQueryDto extends createZodDto(DocumentVersionUploadQuery) {}
class ParticipantDocumentsDto extends createZodDto(ParticipantDocuments) {}

/** A body that is the file itself: at most the server's UPLOAD_MAX_BYTES, then the tenant's limit. */
const FileBody = () =>
  applyDecorators(
    ApiConsumes('application/octet-stream'),
    ApiBody({
      description:
        'The file’s bytes; its type is read from them (PDF, DOCX, XLSX, PPTX, PNG, JPEG)',
      schema: { type: 'string', format: 'binary' },
    }),
    ApiProblem(413, 'payload-too-large'),
    ApiProblem(415, 'unsupported-media-type'),
    ApiProblem(422, 'unprocessable'),
  );

/** Documents on events and in the tenant's library (docs/documents.md). */
@ApiTags('documents')
@Controller('t/:tenant')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get('events/:eventId/documents')
  @RequirePermission('events.read')
  @ZodResponse({ status: 200, type: DocumentPageDto, description: 'The event’s documents' })
  @ApiOperation({
    description:
      'The documents of an event the caller may read (the document visibility rule), newest first, with their current file per language and signed download links.',
  })
  listForEvent(@Param('eventId') eventId: string, @Query() query: DocumentListQueryDto) {
    return this.documents.listForEvent(eventId, query);
  }

  @Post('events/:eventId/documents')
  @RequirePermission('documents.contribute')
  @FileBody()
  @ZodResponse({ status: 201, type: DocumentDetailDto, description: 'The new document' })
  @ApiOperation({
    description:
      'Adds a document to an event with its first file (staff anywhere, experts on the events they accepted). A meeting report starts as a draft, which an officer publishes.',
  })
  createOnEvent(
    @Param('eventId') eventId: string,
    @Query() query: DocumentUploadQueryDto,
    @Body() bytes: unknown,
  ) {
    return this.documents.create(eventId, query, bytes);
  }

  @Get('documents')
  @RequirePermission('tenant.read')
  @ZodResponse({ status: 200, type: DocumentPageDto, description: 'The library' })
  @ApiOperation({ description: 'The tenant’s library: documents on no event the caller may read.' })
  library(@Query() query: DocumentListQueryDto) {
    return this.documents.library(query);
  }

  @Post('documents')
  @RequirePermission('documents.manage')
  @FileBody()
  @ZodResponse({ status: 201, type: DocumentDetailDto, description: 'The new library document' })
  @ApiOperation({ description: 'Adds a document to the tenant’s library with its first file.' })
  createInLibrary(@Query() query: DocumentUploadQueryDto, @Body() bytes: unknown) {
    return this.documents.create(null, query, bytes);
  }

  @Get('documents/search')
  @RequirePermission('tenant.read')
  @ZodResponse({ status: 200, type: DocumentSearchResultDto, description: 'Best matches first' })
  @ApiOperation({
    description:
      'Searches the titles and extracted text of the documents the caller may read, ranked, with highlighted snippets.',
  })
  search(@Query() query: DocumentSearchQueryDto) {
    return this.documents.search(query);
  }

  @Get('documents/:documentId')
  @RequirePermission('tenant.read')
  @ZodResponse({
    status: 200,
    type: DocumentDetailDto,
    description: 'The document and its history',
  })
  get(@Param('documentId') id: string) {
    return this.documents.get(id);
  }

  @Patch('documents/:documentId')
  @RequirePermission('documents.contribute')
  @ZodResponse({ status: 200, type: DocumentDetailDto, description: 'The document, changed' })
  @ApiProblem(409, 'stale-version')
  @ApiOperation({ description: 'Changes a document’s title, kind or visibility.' })
  update(@Param('documentId') id: string, @Body() body: DocumentUpdateDto) {
    return this.documents.update(id, body);
  }

  @Delete('documents/:documentId')
  @HttpCode(204)
  @RequirePermission('documents.manage')
  @ApiNoContentResponse({ description: 'Deleted, with every version and its files' })
  @ApiProblem(409, 'stale-version')
  @ApiOperation({
    description:
      'Deletes a document with all its versions (the staff). The rows go in one transaction; the stored files after it commits, or by the worker’s retry if the store fails then. Audited.',
  })
  async remove(@Param('documentId') id: string, @Query() query: DocumentDeleteQueryDto) {
    await this.documents.remove(id, query.version);
  }

  @Post('documents/:documentId/versions')
  @RequirePermission('documents.contribute')
  @FileBody()
  @ZodResponse({
    status: 201,
    type: DocumentDetailDto,
    description: 'The document with the new version',
  })
  @ApiOperation({
    description:
      'Uploads a new version of one language’s file (or a first file in another language); the earlier ones stay in the history.',
  })
  addVersion(
    @Param('documentId') id: string,
    @Query() query: DocumentVersionUploadQueryDto,
    @Body() bytes: unknown,
  ) {
    return this.documents.addVersion(id, query, bytes);
  }

  @Post('documents/:documentId/versions/:versionId/restore')
  @HttpCode(200)
  @RequirePermission('documents.contribute')
  @ZodResponse({ status: 200, type: DocumentDetailDto, description: 'The document, restored' })
  @ApiProblem(409, 'conflict')
  @ApiOperation({
    description: 'Makes an earlier version current again, as a new version with the same bytes.',
  })
  restore(@Param('documentId') id: string, @Param('versionId') versionId: string) {
    return this.documents.restore(id, versionId);
  }

  @Post('documents/:documentId/publish')
  @HttpCode(200)
  @RequirePermission('documents.manage')
  @ZodResponse({ status: 200, type: DocumentDetailDto, description: 'The document, published' })
  @ApiProblem(409, 'conflict')
  @ApiOperation({ description: 'Publishes a draft (the rapporteur’s meeting report).' })
  publish(@Param('documentId') id: string) {
    return this.documents.publish(id);
  }
}

/** The signed downloads and the participant's documents: no session, the link is the right. */
@ApiTags('documents')
@Controller()
export class DocumentFilesController {
  constructor(private readonly documents: DocumentsService) {}

  @Get('files/:fileToken')
  @Public()
  @ApiOkResponse({
    description: 'The file, as an attachment',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblem(403, 'forbidden')
  @ApiOperation({
    description:
      'Downloads one version of a file through a link the API signed (minutes long), if its holder may still read the document. Every download is in the audit log.',
  })
  async download(
    @Param('fileToken') token: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!DownloadToken.safeParse(token).success) throw notFound('File');
    const file = await this.documents.download(token);
    reply.header('content-type', file.contentType);
    reply.header(
      'content-disposition',
      `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    );
    reply.header('x-content-type-options', 'nosniff');
    reply.header('cache-control', 'private, no-store');
    reply.header('content-security-policy', "default-src 'none'; sandbox");
    return new StreamableFile(file.stream, { length: file.size });
  }

  @Get('participant/:linkToken/documents')
  @Public()
  @ZodResponse({
    status: 200,
    type: ParticipantDocumentsDto,
    description: 'The event’s documents shared with its participants',
  })
  @ApiOperation({
    description:
      'The documents of the participant’s event that are public or shared with participants, with signed download links.',
  })
  forParticipant(@Param('linkToken') token: string) {
    if (!ParticipantLinkToken.safeParse(token).success) throw notFound('Participant link');
    return this.documents.forParticipant(token);
  }
}
