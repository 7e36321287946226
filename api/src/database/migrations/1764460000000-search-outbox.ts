import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columnsFor } from './migration-helpers';

/** Entities waiting to be (re)indexed, written in the same transaction as the change itself. */
export class SearchOutbox1764460000000 implements MigrationInterface {
  name = 'SearchOutbox1764460000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'search_outbox',
        columns: [c.serial(), c.varchar('indexName', 40), c.varchar('entityId', 36), c.createdAt()],
      }),
    );
    await queryRunner.createIndex('search_outbox', new TableIndex({ columnNames: ['createdAt'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('search_outbox');
  }
}
