import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

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

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.register({ name: 'database', check: () => this.checkDatabase() });
  }

  register(indicator: HealthIndicator): void {
    this.indicators.push(indicator);
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
