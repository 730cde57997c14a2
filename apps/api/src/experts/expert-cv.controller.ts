import { ExpertCvUploadQuery, ExpertCvView } from '@convene/contracts';
import {
  applyDecorators,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Put,
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
import { CurrentUser, RequirePermission } from '../common/access.decorators';
import { ApiProblem } from '../common/openapi';
import type { AuthenticatedUser } from '../db/request-context';
import { ExpertCvService } from './expert-cv.service';

class ExpertCvUploadQueryDto extends createZodDto(ExpertCvUploadQuery) {}
class ExpertCvViewDto extends createZodDto(ExpertCvView) {}

const CvBody = () =>
  applyDecorators(
    ApiConsumes('application/octet-stream'),
    ApiBody({
      description: 'The CV’s bytes: a PDF or a DOCX, its type read from them',
      schema: { type: 'string', format: 'binary' },
    }),
    ApiProblem(413, 'payload-too-large'),
    ApiProblem(415, 'unsupported-media-type'),
    ApiProblem(422, 'unprocessable'),
  );

const CvFile = () =>
  applyDecorators(
    ApiOkResponse({
      description: 'The CV, as an attachment',
      content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
    }),
  );

async function sendFile(
  reply: FastifyReply,
  file: Awaited<ReturnType<ExpertCvService['file']>>,
): Promise<StreamableFile> {
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

/** Officers keep any expert's CV (docs/experts.md). */
@ApiTags('experts')
@Controller('t/:tenant/experts/:userId/cv')
export class RosterCvController {
  constructor(private readonly cvs: ExpertCvService) {}

  @Get()
  @RequirePermission('experts.manage')
  @ZodResponse({ status: 200, type: ExpertCvViewDto, description: 'The expert’s CV, or null' })
  @ApiOperation({ description: 'The CV an expert of the roster has uploaded, if any.' })
  view(@Param('userId') userId: string) {
    return this.cvs.view(userId);
  }

  @Put()
  @RequirePermission('experts.manage')
  @CvBody()
  @ZodResponse({ status: 200, type: ExpertCvViewDto, description: 'The CV as saved' })
  @ApiOperation({ description: 'Uploads or replaces an expert’s CV (PDF or DOCX).' })
  upload(
    @Param('userId') userId: string,
    @Query() query: ExpertCvUploadQueryDto,
    @Body() bytes: unknown,
  ) {
    return this.cvs.upload(userId, query, bytes);
  }

  @Delete()
  @HttpCode(204)
  @RequirePermission('experts.manage')
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiOperation({ description: 'Removes an expert’s CV; its file is deleted from the store.' })
  async remove(@Param('userId') userId: string) {
    await this.cvs.remove(userId);
  }

  @Get('file')
  @RequirePermission('experts.manage')
  @CvFile()
  @ApiOperation({ description: 'Downloads an expert’s CV; every download is audited.' })
  async file(@Param('userId') userId: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return sendFile(reply, await this.cvs.file(userId));
  }
}

/** The expert's own CV. */
@ApiTags('experts')
@Controller('t/:tenant/me/expert-profile/cv')
export class MyCvController {
  constructor(private readonly cvs: ExpertCvService) {}

  @Get()
  @RequirePermission('experts.profile')
  @ZodResponse({ status: 200, type: ExpertCvViewDto, description: 'Your CV, or null' })
  @ApiOperation({ description: 'The CV you uploaded, if any.' })
  view(@CurrentUser() user: AuthenticatedUser) {
    return this.cvs.view(user.id);
  }

  @Put()
  @RequirePermission('experts.profile')
  @CvBody()
  @ZodResponse({ status: 200, type: ExpertCvViewDto, description: 'Your CV as saved' })
  @ApiOperation({ description: 'Uploads or replaces your CV (PDF or DOCX).' })
  upload(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ExpertCvUploadQueryDto,
    @Body() bytes: unknown,
  ) {
    return this.cvs.upload(user.id, query, bytes);
  }

  @Delete()
  @HttpCode(204)
  @RequirePermission('experts.profile')
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiOperation({ description: 'Removes your CV; its file is deleted from the store.' })
  async remove(@CurrentUser() user: AuthenticatedUser) {
    await this.cvs.remove(user.id);
  }

  @Get('file')
  @RequirePermission('experts.profile')
  @CvFile()
  @ApiOperation({ description: 'Downloads your CV.' })
  async file(
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendFile(reply, await this.cvs.file(user.id));
  }
}
