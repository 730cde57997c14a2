import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import {
  PublicRecommendationsController,
  RecommendationsController,
} from './recommendations.controller';
import { RecommendationsService } from './recommendations.service';

/** A meeting's recommendations as items, their follow-up, the list across events. */
@Module({
  imports: [AuditModule],
  controllers: [RecommendationsController, PublicRecommendationsController],
  providers: [RecommendationsService],
})
export class RecommendationsModule {}
