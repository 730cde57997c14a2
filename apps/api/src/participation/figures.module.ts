import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';
import { FiguresController } from './figures.controller';
import { FiguresService } from './figures.service';

/** Participation's figures and the participant list export (docs/participation.md). */
@Module({
  imports: [AuditModule],
  controllers: [FiguresController, ExportsController],
  providers: [FiguresService, ExportsService],
})
export class FiguresModule {}
