import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SearchModule } from '../../search/search.module';
import { AuditModule } from '../audit/audit.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { UsersModule } from '../users/users.module';
import { ProgramAccess } from './program-access';
import { ProgramEditingService } from './program-editing.service';
import { ProgramClauseSearchSource } from './program-search.source';
import { ProgramClauseEntity, ProgramEntity } from './program.entity';
import { ProgramsResolver } from './programs.resolver';
import { ProgramsService } from './programs.service';

/** Development programs (发展纲要): clause trees, import from text or .docx, corrections, search over clauses. */
@Module({
  imports: [TypeOrmModule.forFeature([ProgramEntity, ProgramClauseEntity]), OrganizationsModule, UsersModule, SearchModule, AuditModule],
  providers: [ProgramsService, ProgramAccess, ProgramEditingService, ProgramsResolver, ProgramClauseSearchSource],
  exports: [ProgramsService],
})
export class ProgramsModule {}
