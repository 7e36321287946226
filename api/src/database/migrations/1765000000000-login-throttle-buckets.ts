import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { columnsFor } from './migration-helpers';

/**
 * Sign-in throttle counters become buckets reserved by one conditional upsert per attempt
 * (times in epoch milliseconds, so the condition is plain arithmetic on both databases).
 * The old per-identifier rows only hold recent failures, so they are dropped, not converted.
 */
export class LoginThrottleBuckets1765000000000 implements MigrationInterface {
  name = 'LoginThrottleBuckets1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(queryRunner);
    await queryRunner.dropTable('login_throttles');
    await queryRunner.createTable(
      new Table({
        name: 'login_throttles',
        columns: [
          { name: 'key', type: 'varchar', length: '300', isPrimary: true },
          c.integer('attempts', 0),
          { name: 'windowMs', type: 'bigint' },
          { name: 'resetAt', type: 'bigint' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(queryRunner);
    await queryRunner.dropTable('login_throttles');
    await queryRunner.createTable(
      new Table({
        name: 'login_throttles',
        columns: [
          { name: 'key', type: 'varchar', length: '300', isPrimary: true },
          c.integer('failures', 0),
          c.timestamp('lastFailureAt'),
          c.timestamp('lockedUntil', true),
        ],
      }),
    );
  }
}
