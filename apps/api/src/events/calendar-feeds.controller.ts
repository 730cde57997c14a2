import {
  CalendarFeedCreated,
  CalendarFeedStatus,
  PageQuery,
  PublicEventsPage,
} from '@convene/contracts';
import {
  applyDecorators,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
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
import { CurrentUser, Public } from '../common/access.decorators';
import type { AuthenticatedUser } from '../db/request-context';
import { CalendarFeedsService } from './calendar-feeds.service';

class PublicEventsQueryDto extends createZodDto(PageQuery) {}
class CalendarFeedStatusDto extends createZodDto(CalendarFeedStatus) {}
class CalendarFeedCreatedDto extends createZodDto(CalendarFeedCreated) {}
class PublicEventsPageDto extends createZodDto(PublicEventsPage) {}

/** An iCalendar feed's answer: a document, not JSON. */
const ICalendar = (description: string) =>
  applyDecorators(
    ApiProduces('text/calendar'),
    ApiOkResponse({ description, content: { 'text/calendar': { schema: { type: 'string' } } } }),
  );

/** The signed-in person's private calendar feed. */
@ApiTags('calendar')
@Controller('me/calendar-feed')
export class MyCalendarFeedController {
  constructor(private readonly feeds: CalendarFeedsService) {}

  @Get()
  @ZodResponse({ status: 200, type: CalendarFeedStatusDto, description: 'Whether a feed exists' })
  @ApiOperation({
    description:
      'Whether the signed-in person has a private calendar feed (its URL is shown only when made).',
  })
  status(@CurrentUser() user: AuthenticatedUser) {
    return this.feeds.status(user);
  }

  @Post()
  @ZodResponse({
    status: 201,
    type: CalendarFeedCreatedDto,
    description: 'A new feed, replacing any earlier one; its URL is shown only now',
  })
  @ApiOperation({
    description:
      'Makes a new private calendar feed, revoking any earlier one; the answer holds its URL, shown only this once.',
  })
  create(@CurrentUser() user: AuthenticatedUser) {
    return this.feeds.create(user);
  }

  @Delete()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The feed is revoked; its URL answers 404 from now on' })
  @ApiOperation({ description: "Revokes the signed-in person's private calendar feed." })
  async revoke(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.feeds.revoke(user);
  }
}

/** Calendars fetched by calendar apps and the public: no session, no cookies needed. */
@ApiTags('calendar')
@Controller()
export class PublicCalendarController {
  constructor(private readonly feeds: CalendarFeedsService) {}

  @Get('calendar/:token/events.ics')
  @Public()
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('cache-control', 'private, max-age=300')
  @ICalendar("The person's events, for a calendar app")
  @ApiOperation({
    description:
      'A private calendar feed, for calendar apps: the token in the path is the credential.',
  })
  privateFeed(@Param('token') token: string): Promise<string> {
    return this.feeds.privateFeed(token);
  }

  @Get('public/:slug/events')
  @Public()
  @ZodResponse({
    status: 200,
    type: PublicEventsPageDto,
    description: 'The events a tenant made public, soonest first',
  })
  @ApiOperation({
    description: 'The events a tenant has made public, for anyone, without details about people.',
  })
  publicEvents(@Param('slug') slug: string, @Query() query: PublicEventsQueryDto) {
    return this.feeds.publicEvents(slug, query.limit, query.after);
  }

  @Get('public/:slug/events.ics')
  @Public()
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('cache-control', 'public, max-age=300')
  @ICalendar('The events a tenant made public, for a calendar app')
  @ApiOperation({
    description: 'The events a tenant has made public, as an iCalendar feed for calendar apps.',
  })
  publicFeed(@Param('slug') slug: string): Promise<string> {
    return this.feeds.publicFeed(slug);
  }
}
