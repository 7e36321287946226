import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../core/organizations/organizations.module';
import { UsersModule } from '../core/users/users.module';
import { DemoSeedService } from './demo-seed.service';

@Module({
  imports: [OrganizationsModule, UsersModule],
  providers: [DemoSeedService],
  exports: [DemoSeedService],
})
export class SeedModule {}
