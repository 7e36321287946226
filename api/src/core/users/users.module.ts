import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule } from '../organizations/organizations.module';
import { UserEntity } from './user.entity';
import { PeopleResolver } from './people.resolver';
import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity]), OrganizationsModule],
  providers: [UsersService, UsersResolver, PeopleResolver],
  exports: [UsersService],
})
export class UsersModule {}
