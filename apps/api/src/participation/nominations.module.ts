import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { NominationsController } from './nominations.controller';
import { NominationsService } from './nominations.service';

/** Nominations and the officers' decisions on them, with the seats rule (docs/participation.md). */
@Module({
  imports: [AuditModule],
  controllers: [NominationsController],
  providers: [NominationsService],
})
export class NominationsModule {}
