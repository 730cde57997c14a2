import {
  BulkDeliveryCreate,
  BulkDeliveryResult,
  Coverage,
  CoverageQuery,
  Delivery,
  DeliveryCreate,
  DeliveryDeleteQuery,
  DeliveryPage,
  DeliveryPreview,
  DeliveryQuery,
  DeliveryUpdate,
  Edition,
  EditionCreate,
  EditionList,
  EditionUpdate,
  IatiSettingsInput,
  IatiSettingsView,
} from '@convene/contracts';
import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { Public, RequirePermission } from '../common/access.decorators';
import { ApiProblem } from '../common/openapi';
import { DeliveryService } from './delivery.service';
import { IatiService } from './iati.service';

class EditionCreateDto extends createZodDto(EditionCreate) {}
class EditionUpdateDto extends createZodDto(EditionUpdate) {}
class EditionDto extends createZodDto(Edition) {}
class EditionListDto extends createZodDto(EditionList) {}
class DeliveryQueryDto extends createZodDto(DeliveryQuery) {}
class DeliveryCreateDto extends createZodDto(DeliveryCreate) {}
class DeliveryUpdateDto extends createZodDto(DeliveryUpdate) {}
class DeliveryDeleteQueryDto extends createZodDto(DeliveryDeleteQuery) {}
class DeliveryDto extends createZodDto(Delivery) {}
class DeliveryPageDto extends createZodDto(DeliveryPage) {}
class BulkDeliveryCreateDto extends createZodDto(BulkDeliveryCreate) {}
class BulkDeliveryResultDto extends createZodDto(BulkDeliveryResult) {}
class DeliveryPreviewDto extends createZodDto(DeliveryPreview) {}
class CoverageQueryDto extends createZodDto(CoverageQuery) {}
class CoverageDto extends createZodDto(Coverage) {}
class IatiSettingsInputDto extends createZodDto(IatiSettingsInput) {}
class IatiSettingsViewDto extends createZodDto(IatiSettingsView) {}

/** The tool's editions, the delivery register and coverage (docs/delivery.md). */
@ApiTags('tool delivery')
@Controller('t/:tenant')
export class DeliveryController {
  constructor(private readonly delivery: DeliveryService) {}

  @Get('tool-editions')
  @RequirePermission('deliveries.manage')
  @ZodResponse({ status: 200, type: EditionListDto, description: 'Every edition, newest first' })
  @ApiOperation({
    description: "The tool's editions (language, format, year, ISBN), with what was delivered.",
  })
  editions() {
    return this.delivery.editions();
  }

  @Post('tool-editions')
  @RequirePermission('deliveries.manage')
  @ZodResponse({ status: 201, type: EditionDto, description: 'The new edition' })
  @ApiProblem(409, 'conflict')
  @ApiProblem(422, 'unprocessable')
  @ApiOperation({
    description:
      'Adds an edition; its ISBN (checked) is the tenant’s once, its file a library document.',
  })
  createEdition(@Body() body: EditionCreateDto) {
    return this.delivery.createEdition(body);
  }

  @Put('tool-editions/:editionId')
  @RequirePermission('deliveries.manage')
  @ZodResponse({ status: 200, type: EditionDto, description: 'As saved' })
  @ApiProblem(409, 'stale-version', 'conflict')
  @ApiProblem(422, 'unprocessable')
  @ApiOperation({ description: 'Replaces an edition, given the version it was read at.' })
  updateEdition(@Param('editionId') id: string, @Body() body: EditionUpdateDto) {
    return this.delivery.updateEdition(id, body);
  }

  @Get('deliveries')
  @RequirePermission('deliveries.read')
  @ZodResponse({
    status: 200,
    type: DeliveryPageDto,
    description: 'The deliveries the caller may see, newest first',
  })
  @ApiOperation({
    description:
      'The delivery register filtered by State, edition, event, channel, language, format and ' +
      "period, a page at a time; a focal point reads their own State's deliveries.",
  })
  deliveries(@Query() query: DeliveryQueryDto) {
    return this.delivery.deliveries(query);
  }

  @Post('deliveries')
  @RequirePermission('deliveries.manage')
  @ZodResponse({ status: 201, type: DeliveryDto, description: 'The registered delivery' })
  @ApiOperation({ description: 'Registers one delivery of an edition to a State.' })
  register(@Body() body: DeliveryCreateDto) {
    return this.delivery.register(body);
  }

  @Get('deliveries/:deliveryId')
  @RequirePermission('deliveries.read')
  @ZodResponse({ status: 200, type: DeliveryDto, description: 'The delivery' })
  @ApiOperation({
    description: "One delivery of the register (a focal point reads their own State's).",
  })
  getDelivery(@Param('deliveryId') id: string) {
    return this.delivery.delivery(id);
  }

  @Put('deliveries/:deliveryId')
  @RequirePermission('deliveries.manage')
  @ZodResponse({ status: 200, type: DeliveryDto, description: 'As corrected' })
  @ApiProblem(409, 'stale-version')
  @ApiProblem(422, 'unprocessable')
  @ApiOperation({
    description:
      'Corrects a registered delivery, given the version it was read at; a bulk hand-out’s ' +
      'delivery keeps its edition, State and event (422).',
  })
  updateDelivery(@Param('deliveryId') id: string, @Body() body: DeliveryUpdateDto) {
    return this.delivery.updateDelivery(id, body);
  }

  @Delete('deliveries/:deliveryId')
  @HttpCode(204)
  @RequirePermission('deliveries.manage')
  @ApiNoContentResponse({ description: 'Deleted: coverage and the IATI file no longer count it' })
  @ApiProblem(409, 'stale-version')
  @ApiOperation({
    description: 'Deletes a mistaken delivery, given the version it was read at. Audited.',
  })
  async deleteDelivery(@Param('deliveryId') id: string, @Query() query: DeliveryDeleteQueryDto) {
    await this.delivery.deleteDelivery(id, query.version);
  }

  @Get('events/:eventId/delivery-preview')
  @RequirePermission('deliveries.manage')
  @ZodResponse({
    status: 200,
    type: DeliveryPreviewDto,
    description: 'Who attended, per State, and what was handed out already',
  })
  @ApiOperation({
    description: "The event's attending participants per State, for a bulk hand-out.",
  })
  preview(@Param('eventId') eventId: string) {
    return this.delivery.preview(eventId);
  }

  @Post('events/:eventId/deliveries')
  @RequirePermission('deliveries.manage')
  @ZodResponse({
    status: 201,
    type: BulkDeliveryResultDto,
    description: 'One delivery per edition and State (the first submission’s, for a repeated key)',
  })
  @ApiProblem(409, 'conflict')
  @ApiProblem(422, 'unprocessable')
  @ApiOperation({
    description:
      '"Every attending participant received …": registers, in one transaction, the editions ' +
      'times the attending participants of each State. Idempotent by the submission key.',
  })
  bulk(@Param('eventId') eventId: string, @Body() body: BulkDeliveryCreateDto) {
    return this.delivery.bulk(eventId, body);
  }

  @Get('coverage')
  @RequirePermission('deliveries.manage')
  @ZodResponse({ status: 200, type: CoverageDto, description: 'Coverage per State and area' })
  @ApiOperation({
    description:
      'Per State which languages and formats reached it, when last, through which events; per ' +
      'region and UN regional group; the States never reached.',
  })
  coverage(@Query() query: CoverageQueryDto) {
    return this.delivery.coverageByState(query);
  }
}

const XML = 'application/xml; charset=utf-8';
/** What the OpenAPI document promises of an IATI file's size: far above a tenant's events. */
const IATI_FILE_MAX = 200_000_000;

/** The tenant's IATI 2.03 settings and activities file. */
@ApiTags('tool delivery')
@Controller('t/:tenant/iati')
export class IatiController {
  constructor(private readonly iati: IatiService) {}

  @Get('settings')
  @RequirePermission('iati.manage')
  @ZodResponse({ status: 200, type: IatiSettingsViewDto, description: 'The IATI settings' })
  @ApiOperation({ description: "The tenant's IATI reporting settings and its file's address." })
  settings() {
    return this.iati.view();
  }

  @Put('settings')
  @RequirePermission('iati.manage')
  @ZodResponse({ status: 200, type: IatiSettingsViewDto, description: 'As saved' })
  @ApiProblem(409, 'stale-version')
  @ApiOperation({
    description:
      'Saves the reporting organisation, default sectors, aid and flow type, and whether the ' +
      'file is public (the version read is required once saved).',
  })
  save(@Body() body: IatiSettingsInputDto) {
    return this.iati.save(body);
  }

  @Get('activities.xml')
  @RequirePermission('iati.export')
  @Header('content-type', XML)
  @Header('content-disposition', 'attachment; filename="iati-activities.xml"')
  @ApiProduces('application/xml')
  @ApiOkResponse({
    description: 'The tenant’s events past draft as IATI 2.03 activities',
    content: { 'application/xml': { schema: { type: 'string', maxLength: IATI_FILE_MAX } } },
  })
  @ApiProblem(409, 'conflict')
  @ApiProblem(422, 'unprocessable')
  @ApiOperation({
    description:
      'Every event past draft as an iati-activity (version 2.03): status, dates, recipient ' +
      'countries, sectors, and results (officials trained by sex, States reached).',
  })
  activities(): Promise<string> {
    return this.iati.activitiesFile();
  }
}

/** The file a registry polls, where the tenant made it public: aggregates only. */
@ApiTags('tool delivery')
@Controller('public/:slug')
export class PublicIatiController {
  constructor(private readonly iati: IatiService) {}

  @Get('iati-activities.xml')
  @Public()
  @Header('content-type', XML)
  @Header('cache-control', 'public, max-age=900')
  @ApiProduces('application/xml')
  @ApiOkResponse({
    description: 'The tenant’s public events as IATI 2.03 activities',
    content: { 'application/xml': { schema: { type: 'string', maxLength: IATI_FILE_MAX } } },
  })
  @ApiProblem(422, 'unprocessable')
  @ApiOperation({
    description:
      "A tenant's public events as IATI 2.03 activities, where the tenant publishes its file " +
      '(404 otherwise). No personal data: counts only.',
  })
  activities(@Param('slug') slug: string): Promise<string> {
    return this.iati.publicFile(slug);
  }
}
