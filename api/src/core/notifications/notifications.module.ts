import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ProgramsModule } from '../programs/programs.module';
import { ProposalsModule } from '../proposals/proposals.module';
import { UsersModule } from '../users/users.module';
import { FollowsService } from './follows.service';
import { NotificationMailer } from './notification-mailer';
import { FollowEntity, NotificationEntity, NotificationPreferenceEntity } from './notification.entity';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';

/**
 * Following and notifications: follows, the in-app feed (live over graphql-ws) and e-mail.
 * Reacts to domain events; other modules never call it to notify.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([FollowEntity, NotificationEntity, NotificationPreferenceEntity]),
    AuthModule,
    OrganizationsModule,
    ProgramsModule,
    ProposalsModule,
    UsersModule,
  ],
  providers: [FollowsService, NotificationsService, NotificationMailer, NotificationsResolver],
  exports: [FollowsService, NotificationsService],
})
export class NotificationsModule {}
