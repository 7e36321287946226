import { Module } from '@nestjs/common';
import { EvidenceModule } from '../core/evidence/evidence.module';
import { OrganizationsModule } from '../core/organizations/organizations.module';
import { ProposalsModule } from '../core/proposals/proposals.module';
import { UsersModule } from '../core/users/users.module';
import { DemoSeedService } from './demo-seed.service';
import { EvidenceDemoSeeder } from './evidence-demo';
import { ProposalsDemoSeeder } from './proposals-demo';

@Module({
  imports: [OrganizationsModule, UsersModule, ProposalsModule, EvidenceModule],
  providers: [DemoSeedService, ProposalsDemoSeeder, EvidenceDemoSeeder],
  exports: [DemoSeedService],
})
export class SeedModule {}
