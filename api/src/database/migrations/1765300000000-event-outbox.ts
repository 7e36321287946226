import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { columnsFor } from './migration-helpers';

/**
 * Domain events written in the same transaction as the change they tell of, one row per durable
 * consumer, delivered by a worker on every instance; and the key that makes a notification's
 * delivery idempotent (one notification per event and recipient).
 */
export class EventOutbox1765300000000 implements MigrationInterface {
  name = 'EventOutbox1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'event_outbox',
        columns: [
          c.serial(),
          c.ref('eventId'),
          c.varchar('consumer', 60),
          c.varchar('type', 60),
          c.text('payload'),
          c.timestamp('createdAt'),
          c.timestamp('availableAt'),
          c.integer('attempts', 0),
          c.ref('claimToken', true),
          c.timestamp('claimedUntil', true),
          c.timestamp('doneAt', true),
          c.text('lastError', true),
        ],
        uniques: [{ columnNames: ['eventId', 'consumer'] }],
      }),
    );
    await queryRunner.createIndex('event_outbox', new TableIndex({ columnNames: ['doneAt', 'availableAt'] }));
    await queryRunner.addColumn('notifications', new TableColumn(c.ref('eventId', true)));
    await queryRunner.createIndex('notifications', new TableIndex({ columnNames: ['eventId', 'userId'], isUnique: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const notifications = await queryRunner.getTable('notifications');
    const index = notifications?.indices.find((i) => i.columnNames.includes('eventId'));
    if (index) await queryRunner.dropIndex('notifications', index);
    await queryRunner.dropColumn('notifications', 'eventId');
    await queryRunner.dropTable('event_outbox');
  }
}
