import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { CollaborationModule } from './collaboration/collaboration.module';
import { DomainEventsModule } from './common/domain-events.module';
import { PubSubModule } from './common/pubsub';
import { JobLockModule } from './common/job-lock';
import { RateLimitModule } from './hardening/rate-limit/rate-limit.module';
import { GraphQLErrorHttpFilter } from './common/http-errors.filter';
import { JsonLogger } from './common/logger';
import { ExportModule } from './export/export.module';
import { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { AuditModule } from './core/audit/audit.module';
import { AuthModule } from './core/auth/auth.module';
import { EvidenceModule } from './core/evidence/evidence.module';
import { HealthModule } from './core/health/health.module';
import { NotificationsModule } from './core/notifications/notifications.module';
import { OrganizationsModule } from './core/organizations/organizations.module';
import { ProposalsModule } from './core/proposals/proposals.module';
import { ProgramsModule } from './core/programs/programs.module';
import { AdoptionModule } from './core/adoption/adoption.module';
import { DashboardModule } from './core/dashboard/dashboard.module';
import { UsersModule } from './core/users/users.module';
import { DatabaseModule } from './database/database.module';
import { graphqlOptions } from './graphql.config';
import { WebSocketsModule } from './websockets/websockets.module';
import { SearchModule } from './search/search.module';
import { SeedModule } from './seed/seed.module';
import { StorageModule } from './storage/storage.module';

@Module({})
export class AppModule {
  static register(config: AppConfig, logger: JsonLogger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        DomainEventsModule,
        PubSubModule,
        JobLockModule,
        RateLimitModule,
        GraphQLModule.forRoot<ApolloDriverConfig>(graphqlOptions(config, logger)),
        HealthModule,
        OrganizationsModule,
        UsersModule,
        AuthModule,
        ProposalsModule,
        ProgramsModule,
        AdoptionModule,
        DashboardModule,
        CollaborationModule,
        WebSocketsModule,
        NotificationsModule,
        StorageModule,
        AuditModule,
        EvidenceModule,
        ExportModule,
        SearchModule,
        SeedModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: GraphQLErrorHttpFilter }],
    };
  }
}
