import { Module } from '@nestjs/common';
import { ProposalsModule } from '../core/proposals/proposals.module';
import { UsersModule } from '../core/users/users.module';
import { ExportController } from './export.controller';
import { ExportService } from './export.service';

/** Downloads: proposals as DOCX (evidence exports join later, with masking applied). */
@Module({
  imports: [ProposalsModule, UsersModule],
  controllers: [ExportController],
  providers: [ExportService],
})
export class ExportModule {}
