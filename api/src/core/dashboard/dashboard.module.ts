import { Module } from '@nestjs/common';
import { AdoptionModule } from '../adoption/adoption.module';
import { AuditModule } from '../audit/audit.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ProgramsModule } from '../programs/programs.module';
import { ProposalsModule } from '../proposals/proposals.module';
import { UsersModule } from '../users/users.module';
import { AdoptionChains } from './adoption-chains';
import { DashboardExportController } from './dashboard-export.controller';
import { DashboardResolver } from './dashboard.resolver';
import { DashboardService } from './dashboard.service';

/** The leaders' dashboard: no tables of its own, it reads through the services of the modules it imports. */
@Module({
  imports: [ProposalsModule, AdoptionModule, AuditModule, ProgramsModule, EvidenceModule, OrganizationsModule, UsersModule],
  controllers: [DashboardExportController],
  providers: [DashboardService, AdoptionChains, DashboardResolver],
  exports: [DashboardService],
})
export class DashboardModule {}
