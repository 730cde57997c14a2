import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { StateOverviewService } from './state-overview.service';

/** The dashboard, the coverage map and the State page (docs/reports.md). */
@Module({
  controllers: [ReportsController],
  providers: [ReportsService, StateOverviewService],
})
export class ReportsModule {}
