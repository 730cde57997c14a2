import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DocumentFilesController, DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';

/** Documents on events and in the library, their files and their search (docs/documents.md). */
@Module({
  imports: [AuditModule],
  controllers: [DocumentsController, DocumentFilesController],
  providers: [DocumentsService],
  exports: [DocumentsService],
})
export class DocumentsModule {}
