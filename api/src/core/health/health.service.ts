import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/graphql-context';
import { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';

export interface ComponentHealth {
  status: 'up' | 'down';
  [detail: string]: unknown;
}

export interface HealthIndicator {
  readonly name: string;
  check(): Promise<ComponentHealth>;
}

/** Collects the health of the database and of whatever components register an indicator (search, ...). */
@Injectable()
export class HealthService {
  private readonly indicators: HealthIndicator[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.register({ name: 'database', check: () => this.checkDatabase() });
  }

  register(indicator: HealthIndicator): void {
    this.indicators.push(indicator);
  }

  /**
   * The full report for signed-in admins and for monitoring holding HEALTH_TOKEN; the status alone
   * for everyone else. Components carry counts (evidence records, restricted ones included) and
   * errors. No address is trusted: behind a reverse proxy on the same machine every stranger's
   * request comes from loopback, with or without forwarding headers depending on the proxy.
   */
  async reportFor(
    actor: Actor | undefined,
    probeToken: string | undefined,
  ): Promise<{ status: 'ok' | 'degraded'; components?: Record<string, ComponentHealth> }> {
    const report = await this.report();
    return actor?.role === 'admin' || this.isProbeToken(probeToken) ? report : { status: report.status };
  }

  private isProbeToken(candidate: string | undefined): boolean {
    const expected = this.config.healthToken;
    if (!expected || !candidate) return false;
    const digest = (value: string) => createHash('sha256').update(value).digest();
    return timingSafeEqual(digest(candidate), digest(expected));
  }

  async report(): Promise<{ status: 'ok' | 'degraded'; components: Record<string, ComponentHealth> }> {
    const results = await Promise.all(
      this.indicators.map(async (indicator) => {
        try {
          return [indicator.name, await indicator.check()] as const;
        } catch (error) {
          return [indicator.name, { status: 'down' as const, error: (error as Error).message }] as const;
        }
      }),
    );
    const components = Object.fromEntries(results);
    const status = results.every(([, health]) => health.status === 'up') ? 'ok' : 'degraded';
    return { status, components };
  }

  private async checkDatabase(): Promise<ComponentHealth> {
    const started = performance.now();
    await this.dataSource.query('SELECT 1');
    const pending = await this.dataSource.showMigrations();
    return {
      status: pending ? 'down' : 'up',
      dialect: this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite',
      pendingMigrations: pending,
      latencyMs: Math.round((performance.now() - started) * 100) / 100,
    };
  }
}
