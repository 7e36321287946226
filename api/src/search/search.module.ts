import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { HealthService } from '../core/health/health.service';
import { EmbeddedSearchEngine } from './embedded/embedded-search.engine';
import { MeilisearchSearchEngine } from './meilisearch/meilisearch.engine';
import { SearchIndexer } from './search-indexer';
import { SearchOutboxEntity } from './search-outbox.entity';
import { SearchRegistry } from './search-registry';
import { SearchResolver } from './search.resolver';
import { SearchService } from './search.service';
import { SEARCH_ENGINE, SearchEngine } from './search.port';

/** Search over what each caller may see. Domain modules import it to register their sources. */
@Module({
  imports: [TypeOrmModule.forFeature([SearchOutboxEntity])],
  providers: [
    {
      provide: SEARCH_ENGINE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): SearchEngine =>
        config.search.meiliHost
          ? new MeilisearchSearchEngine(config.search.meiliHost, config.search.meiliApiKey)
          : new EmbeddedSearchEngine(),
    },
    SearchRegistry,
    SearchIndexer,
    SearchService,
    SearchResolver,
  ],
  exports: [SearchRegistry, SearchIndexer, SearchService],
})
export class SearchModule implements OnModuleInit {
  constructor(
    private readonly health: HealthService,
    private readonly indexer: SearchIndexer,
    private readonly registry: SearchRegistry,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
  ) {}

  onModuleInit(): void {
    const engine = this.engine;
    this.health.register({
      name: 'search',
      check: async () => {
        const engineHealth = await engine.health();
        const lag = await this.indexer.lag();
        return {
          status: engineHealth.ok ? 'up' : 'down',
          engine: engine.name,
          indexes: this.registry.all().map((s) => s.index.name),
          rebuilding: this.indexer.rebuilding,
          lag,
          detail: engineHealth.detail,
        };
      },
    });
  }
}
