import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { ExpertsModule } from '../experts/experts.module';
import { SearchController } from './search.controller';
import { SearchService } from './search.service';

/** One search across the tenant, from the header (docs/search.md). */
@Module({
  imports: [DocumentsModule, ExpertsModule],
  controllers: [SearchController],
  providers: [SearchService],
})
export class SearchModule {}
