import { Module } from '@nestjs/common';
import { EvidenceModule } from '../core/evidence/evidence.module';
import { OrganizationsModule } from '../core/organizations/organizations.module';
import { ProposalsModule } from '../core/proposals/proposals.module';
import { AdoptionModule } from '../core/adoption/adoption.module';
import { ProgramsModule } from '../core/programs/programs.module';
import { UsersModule } from '../core/users/users.module';
import { DemoSeedService } from './demo-seed.service';
import { EvidenceDemoSeeder } from './evidence-demo';
import { ProposalsDemoSeeder } from './proposals-demo';
import { ProgramsDemoSeeder } from './programs-demo';

@Module({
  imports: [OrganizationsModule, UsersModule, ProposalsModule, EvidenceModule, ProgramsModule, AdoptionModule],
  providers: [DemoSeedService, ProposalsDemoSeeder, EvidenceDemoSeeder, ProgramsDemoSeeder],
  exports: [DemoSeedService],
})
export class SeedModule {}
