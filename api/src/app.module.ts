import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { CollaborationModule } from './collaboration/collaboration.module';
import { DomainEventsModule } from './common/domain-events';
import { PubSubModule } from './common/pubsub';
import { GraphQLErrorHttpFilter } from './common/http-errors.filter';
import { JsonLogger } from './common/logger';
import { ExportModule } from './export/export.module';
import { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { AuditModule } from './core/audit/audit.module';
import { AuthModule } from './core/auth/auth.module';
import { EvidenceModule } from './core/evidence/evidence.module';
import { HealthModule } from './core/health/health.module';
import { OrganizationsModule } from './core/organizations/organizations.module';
import { ProposalsModule } from './core/proposals/proposals.module';
import { UsersModule } from './core/users/users.module';
import { DatabaseModule } from './database/database.module';
import { graphqlOptions } from './graphql.config';
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
        GraphQLModule.forRoot(graphqlOptions(config, logger)),
        HealthModule,
        OrganizationsModule,
        UsersModule,
        AuthModule,
        ProposalsModule,
        CollaborationModule,
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
