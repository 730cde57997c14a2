import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DeliveryController, IatiController, PublicIatiController } from './delivery.controller';
import { DeliveryService } from './delivery.service';
import { IatiService } from './iati.service';

/** The tool's editions and deliveries, coverage, and the IATI 2.03 export. */
@Module({
  imports: [AuditModule],
  controllers: [DeliveryController, IatiController, PublicIatiController],
  providers: [DeliveryService, IatiService],
  exports: [DeliveryService],
})
export class DeliveryModule {}
