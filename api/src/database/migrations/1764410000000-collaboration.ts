import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columnsFor } from './migration-helpers';

/** Yjs document storage: every accepted update, and compacted snapshots. */
export class Collaboration1764410000000 implements MigrationInterface {
  name = 'Collaboration1764410000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'document_updates',
        columns: [c.serial(), c.varchar('documentName', 100), c.binary('data'), c.ref('userId', true), c.createdAt()],
      }),
    );
    await queryRunner.createIndex('document_updates', new TableIndex({ columnNames: ['documentName', 'id'] }));
    await queryRunner.createTable(
      new Table({
        name: 'document_snapshots',
        columns: [
          { name: 'documentName', type: 'varchar', length: '100', isPrimary: true },
          c.binary('state'),
          c.integer('lastUpdateId', 0),
          c.integer('updateCount', 0),
          c.updatedAt(),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('document_snapshots');
    await queryRunner.dropTable('document_updates');
  }
}
