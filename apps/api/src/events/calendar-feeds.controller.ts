import type { CalendarFeedCreated, CalendarFeedStatus, PublicEventsPage } from '@convene/contracts';
import { PageQuery } from '@convene/contracts';
import { Controller, Delete, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { CurrentUser, Public } from '../common/access.decorators';
import type { AuthenticatedUser } from '../db/request-context';
import { CalendarFeedsService } from './calendar-feeds.service';

class PublicEventsQueryDto extends createZodDto(PageQuery) {}

/** The signed-in person's private calendar feed. */
@ApiTags('calendar')
@Controller('me/calendar-feed')
export class MyCalendarFeedController {
  constructor(private readonly feeds: CalendarFeedsService) {}

  @Get()
  status(@CurrentUser() user: AuthenticatedUser): Promise<CalendarFeedStatus> {
    return this.feeds.status(user);
  }

  @Post()
  create(@CurrentUser() user: AuthenticatedUser): Promise<CalendarFeedCreated> {
    return this.feeds.create(user);
  }

  @Delete()
  @HttpCode(204)
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
  privateFeed(@Param('token') token: string): Promise<string> {
    return this.feeds.privateFeed(token);
  }

  @Get('public/:slug/events')
  @Public()
  publicEvents(
    @Param('slug') slug: string,
    @Query() query: PublicEventsQueryDto,
  ): Promise<PublicEventsPage> {
    return this.feeds.publicEvents(slug, query.limit, query.after);
  }

  @Get('public/:slug/events.ics')
  @Public()
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('cache-control', 'public, max-age=300')
  publicFeed(@Param('slug') slug: string): Promise<string> {
    return this.feeds.publicFeed(slug);
  }
}
