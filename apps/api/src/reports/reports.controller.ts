import {
  CoverageMap,
  Dashboard,
  DashboardExportQuery,
  DashboardQuery,
  MapQuery,
  StateOverview,
  StateOverviewQuery,
} from '@convene/contracts';
import { Controller, Get, Query, type StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { RequirePermission } from '../common/access.decorators';
import { ReportsService } from './reports.service';
import { StateOverviewService } from './state-overview.service';

class DashboardQueryDto extends createZodDto(DashboardQuery) {}
class MapQueryDto extends createZodDto(MapQuery) {}
class DashboardExportQueryDto extends createZodDto(DashboardExportQuery) {}
class StateOverviewQueryDto extends createZodDto(StateOverviewQuery) {}
class DashboardDto extends createZodDto(Dashboard) {}
class CoverageMapDto extends createZodDto(CoverageMap) {}
class StateOverviewDto extends createZodDto(StateOverview) {}

/** The tenant's figures: aggregates only, counted by the one rule of report-scope.ts. */
@ApiTags('reports')
@Controller('t/:tenant')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly states: StateOverviewService,
  ) {}

  @Get('dashboard')
  @RequirePermission('reports.read')
  @ZodResponse({ status: 200, type: DashboardDto, description: 'Every chart, as its table' })
  @ApiOperation({
    description:
      'Events by type, region and thematic area per year; participants trained by sex, ' +
      'audience, institution type, region and regional group per year; the share of women; ' +
      'copies of the tool delivered per year by language; assistance requests submitted per ' +
      'year by status (never a draft). ' +
      'For a period of years (the last five by default) and a regional group or geographic ' +
      'region. Counts only, never a person.',
  })
  dashboard(@Query() query: DashboardQueryDto) {
    return this.reports.dashboard(query);
  }

  @Get('dashboard/map')
  @RequirePermission('reports.read')
  @ZodResponse({ status: 200, type: CoverageMapDto, description: 'The figure of each State' })
  @ApiOperation({
    description:
      'The coverage map: per State, participants trained from it, events it hosted, copies of ' +
      'the tool delivered to it or assistance requests it submitted, for the ' +
      'same period and region filters as the dashboard, with ISO 3166 numeric codes.',
  })
  map(@Query() query: MapQueryDto) {
    return this.reports.map(query);
  }

  @Get('dashboard/export')
  @RequirePermission('reports.read')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({
    description: "A chart's table, or the map's, as CSV or XLSX",
    content: {
      'text/csv': { schema: { type: 'string' } },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
        schema: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiOperation({
    description:
      'Exactly the table the page shows for one chart (or the map) and the same filters: a ' +
      'row per year, a column per key (codes, so the file reads the same in every language), ' +
      'and the totals.',
  })
  export(@Query() query: DashboardExportQueryDto): Promise<StreamableFile> {
    return this.reports.export(query);
  }

  @Get('state-overview')
  @RequirePermission('states.overview')
  @ZodResponse({ status: 200, type: StateOverviewDto, description: "The State's page" })
  @ApiOperation({
    description:
      "A State's events, participants trained by sex, invitations and the recommendations " +
      'addressed to it. Officers and admins any State; a focal point their own (403 otherwise).',
  })
  stateOverview(@Query() query: StateOverviewQueryDto) {
    return this.states.overview(query.state);
  }
}
