import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { DataImportUploadController } from './data-import-upload.controller';
import { DataImportResolver } from './data-import.resolver';
import { DataImportService } from './data-import.service';

/** Imports of official open data with provenance (docs/data-sources.md): CLI, admin upload, reports. */
@Module({
  imports: [AccountsModule],
  controllers: [DataImportUploadController],
  providers: [DataImportService, DataImportResolver],
  exports: [DataImportService],
})
export class DataImportModule {}
