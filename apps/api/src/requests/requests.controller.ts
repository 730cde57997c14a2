import {
  EventDetail,
  RequestAssignment,
  RequestAttachmentUploadQuery,
  RequestDetail,
  RequestDraftCreate,
  RequestDraftUpdate,
  RequestEventLink,
  RequestHomePanel,
  RequestMessageCreate,
  RequestPage,
  RequestQuery,
  RequestTransition,
} from '@convene/contracts';
import {
  Body,
  Controller,
  Delete,
  Get,
  Param,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { RequirePermission } from '../common/access.decorators';
import { ApiProblem } from '../common/openapi';
import { RequestsService } from './requests.service';

class RequestQueryDto extends createZodDto(RequestQuery) {}
class RequestDraftCreateDto extends createZodDto(RequestDraftCreate) {}
class RequestDraftUpdateDto extends createZodDto(RequestDraftUpdate) {}
class RequestTransitionDto extends createZodDto(RequestTransition) {}
class RequestMessageCreateDto extends createZodDto(RequestMessageCreate) {}
class RequestAssignmentDto extends createZodDto(RequestAssignment) {}
class RequestEventLinkDto extends createZodDto(RequestEventLink) {}
class RequestAttachmentUploadQueryDto extends createZodDto(RequestAttachmentUploadQuery) {}
class RequestPageDto extends createZodDto(RequestPage) {}
class RequestDetailDto extends createZodDto(RequestDetail) {}
class RequestHomePanelDto extends createZodDto(RequestHomePanel) {}
class EventDetailDto extends createZodDto(EventDetail) {}

/** Member States' requests for technical assistance (docs/requests.md). */
@ApiTags('requests')
@Controller('t/:tenant/requests')
export class RequestsController {
  constructor(private readonly requests: RequestsService) {}

  @Get()
  @RequirePermission('requests.read')
  @ZodResponse({ status: 200, type: RequestPageDto, description: 'The requests the caller sees' })
  @ApiOperation({
    description:
      'The inbox: requests filtered by status, State, regional group, thematic area and age in ' +
      'their status, newest change first, a page at a time.',
  })
  list(@Query() query: RequestQueryDto) {
    return this.requests.list(query);
  }

  @Get('home')
  @RequirePermission('requests.read')
  @ZodResponse({ status: 200, type: RequestHomePanelDto, description: 'The home panel' })
  @ApiOperation({
    description:
      "Officers: the requests waiting for review, the longest waiting first. Focal points: their State's requests.",
  })
  home() {
    return this.requests.home();
  }

  @Post()
  @RequirePermission('requests.draft')
  @ZodResponse({ status: 201, type: RequestDetailDto, description: 'The new draft' })
  @ApiOperation({ description: "A new draft request for the focal point's State." })
  create(@Body() body: RequestDraftCreateDto) {
    return this.requests.create(body);
  }

  @Get(':requestId')
  @RequirePermission('requests.read')
  @ZodResponse({
    status: 200,
    type: RequestDetailDto,
    description: 'The request, its thread, history and linked events',
  })
  @ApiOperation({
    description:
      'One request with its thread (internal notes for officers only), history, time in each ' +
      'status, linked events and what the caller may do.',
  })
  get(@Param('requestId') id: string) {
    return this.requests.get(id);
  }

  @Put(':requestId')
  @RequirePermission('requests.draft')
  @ZodResponse({ status: 200, type: RequestDetailDto, description: 'As saved' })
  @ApiProblem(409, 'stale-version', 'request-transition')
  @ApiOperation({
    description:
      'Saves the draft given the version it was read at; a stale save answers 409 with ' +
      '`currentVersion` and the `changed` fields.',
  })
  update(@Param('requestId') id: string, @Body() body: RequestDraftUpdateDto) {
    return this.requests.update(id, body);
  }

  @Post(':requestId/transitions')
  @RequirePermission('requests.manage')
  @ZodResponse({ status: 201, type: RequestDetailDto, description: 'The request after the step' })
  @ApiProblem(409, 'stale-version', 'request-transition')
  @ApiOperation({
    description:
      "An officer's step: request information, start the needs assessment, approve, decline " +
      '(with a reason) or move it by hand (with a reason).',
  })
  transition(@Param('requestId') id: string, @Body() body: RequestTransitionDto) {
    return this.requests.transition(id, body, 'officer');
  }

  @Post(':requestId/state-transitions')
  @RequirePermission('requests.draft')
  @ZodResponse({ status: 201, type: RequestDetailDto, description: 'The request after the step' })
  @ApiProblem(409, 'stale-version', 'request-transition')
  @ApiOperation({
    description:
      "The requesting State's step, by its focal points: submit a draft, resubmit after a " +
      'request for information, withdraw before it is planned.',
  })
  stateTransition(@Param('requestId') id: string, @Body() body: RequestTransitionDto) {
    return this.requests.transition(id, body, 'state');
  }

  @Post(':requestId/messages')
  @RequirePermission('requests.read')
  @ZodResponse({ status: 201, type: RequestDetailDto, description: 'The request with the message' })
  @ApiOperation({
    description:
      'A message in the thread both sides see, or an internal note (officers and administrators).',
  })
  addMessage(@Param('requestId') id: string, @Body() body: RequestMessageCreateDto) {
    return this.requests.addMessage(id, body);
  }

  @Put(':requestId/assignment')
  @RequirePermission('requests.manage')
  @ZodResponse({ status: 200, type: RequestDetailDto, description: 'As assigned' })
  @ApiProblem(409, 'stale-version')
  @ApiOperation({ description: 'Sets the responsible officer and the expert reviewer.' })
  assign(@Param('requestId') id: string, @Body() body: RequestAssignmentDto) {
    return this.requests.assign(id, body);
  }

  @Post(':requestId/events')
  @RequirePermission('requests.manage')
  @ZodResponse({ status: 201, type: RequestDetailDto, description: 'The request with the event' })
  @ApiProblem(409, 'request-transition')
  @ApiOperation({ description: 'Links an existing event that answers the request.' })
  linkEvent(@Param('requestId') id: string, @Body() body: RequestEventLinkDto) {
    return this.requests.linkEvent(id, body.eventId);
  }

  @Post(':requestId/events/new')
  @RequirePermission('requests.manage')
  @ZodResponse({ status: 201, type: EventDetailDto, description: 'The new draft event, linked' })
  @ApiProblem(409, 'request-transition')
  @ApiOperation({
    description:
      'Creates a draft event prefilled from the request (areas, audiences, the State as host, the preferred period) and links it.',
  })
  createEvent(@Param('requestId') id: string) {
    return this.requests.createEvent(id);
  }

  @Delete(':requestId/events/:eventId')
  @RequirePermission('requests.manage')
  @ZodResponse({ status: 200, type: RequestDetailDto, description: 'The request without it' })
  @ApiOperation({ description: 'Unlinks an event from the request.' })
  unlinkEvent(@Param('requestId') id: string, @Param('eventId') eventId: string) {
    return this.requests.unlinkEvent(id, eventId);
  }

  @Post(':requestId/attachments')
  @RequirePermission('requests.draft')
  @ApiConsumes('application/octet-stream')
  @ApiBody({
    description: 'The file’s bytes; its type is read from them (PDF or DOCX only)',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiProblem(413, 'payload-too-large')
  @ApiProblem(415, 'unsupported-media-type')
  @ApiProblem(422, 'unprocessable')
  @ZodResponse({ status: 201, type: RequestDetailDto, description: 'The request with the file' })
  @ApiOperation({
    description:
      "Attaches a PDF or DOCX (the State's focal points, while they may edit), within the tenant's size limit.",
  })
  attach(
    @Param('requestId') id: string,
    @Query() query: RequestAttachmentUploadQueryDto,
    @Body() body: unknown,
  ) {
    return this.requests.attach(id, query, body, 'state');
  }

  @Post(':requestId/officer-attachments')
  @RequirePermission('requests.manage')
  @ApiConsumes('application/octet-stream')
  @ApiBody({
    description: 'The file’s bytes; its type is read from them (PDF or DOCX only)',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiProblem(413, 'payload-too-large')
  @ApiProblem(415, 'unsupported-media-type')
  @ApiProblem(422, 'unprocessable')
  @ZodResponse({ status: 201, type: RequestDetailDto, description: 'The request with the file' })
  @ApiOperation({
    description:
      "Attaches an officers' PDF or DOCX to a submitted request, within the tenant's size limit; the State's focal points read it.",
  })
  attachForOfficers(
    @Param('requestId') id: string,
    @Query() query: RequestAttachmentUploadQueryDto,
    @Body() body: unknown,
  ) {
    return this.requests.attach(id, query, body, 'officer');
  }

  @Get(':requestId/attachments/:attachmentId')
  @RequirePermission('requests.read')
  @ApiOkResponse({
    description: 'The file, as an attachment',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiOperation({ description: 'Downloads a file attached to a request the caller sees.' })
  async download(
    @Param('requestId') id: string,
    @Param('attachmentId') attachmentId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const file = await this.requests.download(id, attachmentId);
    reply.header('content-type', file.mediaType);
    reply.header(
      'content-disposition',
      `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    );
    reply.header('x-content-type-options', 'nosniff');
    reply.header('cache-control', 'private, no-store');
    reply.header('content-security-policy', "default-src 'none'; sandbox");
    return new StreamableFile(file.stream, { length: file.size });
  }

  @Delete(':requestId/attachments/:attachmentId')
  @RequirePermission('requests.draft')
  @ZodResponse({ status: 200, type: RequestDetailDto, description: 'The request without it' })
  @ApiOperation({ description: 'Removes an attached file (the State, while it may edit).' })
  detach(@Param('requestId') id: string, @Param('attachmentId') attachmentId: string) {
    return this.requests.detach(id, attachmentId, 'state');
  }

  @Delete(':requestId/officer-attachments/:attachmentId')
  @RequirePermission('requests.manage')
  @ZodResponse({ status: 200, type: RequestDetailDto, description: 'The request without it' })
  @ApiOperation({ description: 'Removes a file the officers attached.' })
  detachForOfficers(@Param('requestId') id: string, @Param('attachmentId') attachmentId: string) {
    return this.requests.detach(id, attachmentId, 'officer');
  }
}
