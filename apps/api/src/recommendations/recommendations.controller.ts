import {
  EventRecommendations,
  PageQuery,
  PublicRecommendationPage,
  RecommendationCreate,
  RecommendationDetail,
  RecommendationExportQuery,
  RecommendationFollowUpCreate,
  RecommendationOrder,
  RecommendationPage,
  RecommendationQuery,
  RecommendationUpdate,
} from '@convene/contracts';
import { Body, Controller, Get, Header, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { Public, RequirePermission } from '../common/access.decorators';
import { ApiProblem } from '../common/openapi';
import { RecommendationsService } from './recommendations.service';

class RecommendationQueryDto extends createZodDto(RecommendationQuery) {}
class RecommendationExportQueryDto extends createZodDto(RecommendationExportQuery) {}
class RecommendationCreateDto extends createZodDto(RecommendationCreate) {}
class RecommendationUpdateDto extends createZodDto(RecommendationUpdate) {}
class RecommendationOrderDto extends createZodDto(RecommendationOrder) {}
class RecommendationFollowUpCreateDto extends createZodDto(RecommendationFollowUpCreate) {}
class RecommendationPageDto extends createZodDto(RecommendationPage) {}
class RecommendationDetailDto extends createZodDto(RecommendationDetail) {}
class EventRecommendationsDto extends createZodDto(EventRecommendations) {}
class PublicRecommendationPageDto extends createZodDto(PublicRecommendationPage) {}
class PublicRecommendationsQueryDto extends createZodDto(PageQuery) {}

/** Meetings' recommendations: reads narrow by the one rule, visibleRecommendation. */
@ApiTags('recommendations')
@Controller('t/:tenant')
export class RecommendationsController {
  constructor(private readonly recommendations: RecommendationsService) {}

  @Get('recommendations')
  @RequirePermission('events.read')
  @ZodResponse({
    status: 200,
    type: RecommendationPageDto,
    description: 'The recommendations the caller may see, newest meetings first',
  })
  @ApiOperation({
    description:
      'Recommendations across events, filtered by thematic area, addressed State, regional ' +
      'group, follow-up status, event and year, searched by their text, a page at a time.',
  })
  list(@Query() query: RecommendationQueryDto) {
    return this.recommendations.list(query);
  }

  @Get('recommendations.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="recommendations.csv"')
  @RequirePermission('events.read')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'The recommendations the list shows for the same filters, as CSV',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @ApiOperation({
    description:
      'What the list shows for the same filters, as a CSV file (up to 10,000 rows), codes ' +
      'rather than labels.',
  })
  exportCsv(@Query() query: RecommendationExportQueryDto): Promise<string> {
    return this.recommendations.exportCsv(query);
  }

  @Get('recommendations/:recommendationId')
  @RequirePermission('events.read')
  @ZodResponse({
    status: 200,
    type: RecommendationDetailDto,
    description: 'The recommendation and its follow-up history',
  })
  @ApiOperation({
    description: 'One recommendation, its follow-up history and what the caller may do with it.',
  })
  get(@Param('recommendationId') id: string) {
    return this.recommendations.get(id);
  }

  @Put('recommendations/:recommendationId')
  @RequirePermission('recommendations.write')
  @ZodResponse({ status: 200, type: RecommendationDetailDto, description: 'As saved' })
  @ApiProblem(409, 'stale-version', 'recommendations-locked')
  @ApiOperation({
    description:
      "Replaces a recommendation's text, thematic area and addressees, given the version it " +
      'was read at (officers; the event’s rapporteur), while the event is held or reported.',
  })
  update(@Param('recommendationId') id: string, @Body() body: RecommendationUpdateDto) {
    return this.recommendations.update(id, body);
  }

  @Post('recommendations/:recommendationId/follow-ups')
  @RequirePermission('recommendations.follow_up')
  @ZodResponse({
    status: 201,
    type: RecommendationDetailDto,
    description: 'The recommendation with the new step in its history',
  })
  @ApiProblem(409, 'stale-version', 'conflict')
  @ApiOperation({
    description:
      'A follow-up note, and for officers a new follow-up status; a focal point of a State the ' +
      'recommendation is addressed to adds notes for their State.',
  })
  followUp(@Param('recommendationId') id: string, @Body() body: RecommendationFollowUpCreateDto) {
    return this.recommendations.followUp(id, body);
  }

  @Get('events/:eventId/recommendations')
  @RequirePermission('events.read')
  @ZodResponse({
    status: 200,
    type: EventRecommendationsDto,
    description: "The event's recommendations in order, with their history",
  })
  @ApiOperation({ description: "An event's recommendations, numbered, with their follow-up." })
  forEvent(@Param('eventId') eventId: string) {
    return this.recommendations.forEvent(eventId);
  }

  @Post('events/:eventId/recommendations')
  @RequirePermission('recommendations.write')
  @ZodResponse({
    status: 201,
    type: RecommendationDetailDto,
    description: 'The new recommendation',
  })
  @ApiProblem(409, 'recommendations-locked')
  @ApiOperation({
    description:
      'Adds a recommendation at the end of the event’s list (officers; the event’s rapporteur), ' +
      'while the event is held or reported.',
  })
  create(@Param('eventId') eventId: string, @Body() body: RecommendationCreateDto) {
    return this.recommendations.create(eventId, body);
  }

  @Put('events/:eventId/recommendations/order')
  @RequirePermission('recommendations.write')
  @ZodResponse({
    status: 200,
    type: EventRecommendationsDto,
    description: 'The recommendations in their new order',
  })
  @ApiProblem(409, 'recommendations-locked')
  @ApiOperation({
    description:
      "Puts the event's recommendations in a new order (every one, once) while the event is " +
      'held; their numbers follow.',
  })
  reorder(@Param('eventId') eventId: string, @Body() body: RecommendationOrderDto) {
    return this.recommendations.reorder(eventId, body);
  }
}

/** The recommendations a tenant made public: those of its public events, once reported. */
@ApiTags('recommendations')
@Controller('public/:slug/recommendations')
export class PublicRecommendationsController {
  constructor(private readonly recommendations: RecommendationsService) {}

  @Get()
  @Public()
  @ZodResponse({
    status: 200,
    type: PublicRecommendationPageDto,
    description: 'Recommendations of the public, reported meetings, newest first',
  })
  @ApiOperation({
    description:
      "The recommendations of a tenant's public meetings once reported or closed, for anyone, " +
      'without people or notes.',
  })
  list(@Param('slug') slug: string, @Query() query: PublicRecommendationsQueryDto) {
    return this.recommendations.publicList(slug, query.limit, query.after);
  }
}
