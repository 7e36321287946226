import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../core/organizations/organizations.module';
import { ProposalsModule } from '../core/proposals/proposals.module';
import { UsersModule } from '../core/users/users.module';
import { DemoSeedService } from './demo-seed.service';
import { ProposalsDemoSeeder } from './proposals-demo';

@Module({
  imports: [OrganizationsModule, UsersModule, ProposalsModule],
  providers: [DemoSeedService, ProposalsDemoSeeder],
  exports: [DemoSeedService],
})
export class SeedModule {}
