import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { ComponentHealth, HealthService } from '../core/health/health.service';
import { EmbeddedSearchEngine } from './embedded/embedded-search.engine';
import { MeilisearchSearchEngine } from './meilisearch/meilisearch.engine';
import { SearchIndexer } from './search-indexer';
import { SearchOutboxEntity } from './search-outbox.entity';
import { SearchRegistry } from './search-registry';
import { SearchResolver } from './search.resolver';
import { SearchService } from './search.service';
import { SEARCH_ENGINE, SearchEngine } from './search.port';

/** Changes waiting longer than this in the outbox make search unhealthy: the indexer is stuck. */
const STUCK_AFTER_SECONDS = 300;

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
    this.health.register({ name: 'search', check: () => this.check() });
  }

  /**
   * Down when the engine is, when an index cannot be updated, or when the outbox has not been applied
   * for STUCK_AFTER_SECONDS. Skipped documents are named but leave it up: one bad document must not
   * take every instance out of the proxy's rotation.
   */
  private async check(): Promise<ComponentHealth> {
    const engineHealth = await this.engine.health();
    const lag = await this.indexer.lag();
    // an engine that is down is not asked for counts: each would wait for its own timeout
    const count = (index: string) => (engineHealth.ok ? this.engine.count(index).catch(() => null) : null);
    const indexes = Object.fromEntries(
      await Promise.all(
        this.registry.all().map(async ({ index }) => [index.name, { documents: await count(index.name), ...this.indexer.indexHealth(index.name) }] as const),
      ),
    );
    const reasons = [
      ...(engineHealth.ok ? [] : [`engine ${this.engine.name} unavailable: ${engineHealth.detail ?? ''}`]),
      ...(this.indexer.engineConfigured ? [] : [`engine ${this.engine.name} not configured yet: changes wait in the outbox`]),
      ...Object.entries(indexes).flatMap(([name, health]) => (health.failure ? [`index ${name}: ${health.failure}`] : [])),
      ...(lag.oldestSeconds > STUCK_AFTER_SECONDS ? [`outbox not applied for ${Math.round(lag.oldestSeconds)} s`] : []),
    ];
    return {
      status: reasons.length === 0 ? 'up' : 'down',
      ...(reasons.length > 0 ? { reason: reasons.join('; ') } : {}),
      engine: this.engine.name,
      indexes,
      rebuilding: this.indexer.rebuilding,
      lag,
      detail: engineHealth.detail,
    };
  }
}
