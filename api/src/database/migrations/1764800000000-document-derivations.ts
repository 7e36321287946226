import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { columnsFor } from './migration-helpers';

/**
 * Which stored update each collaborative document's derived body (text, suggestion rows) was
 * last derived from, so documents whose stored updates are newer are derived again (e.g. after
 * a crash within the debounce). Existing documents start without a row: derived once at start.
 */
export class DocumentDerivations1764800000000 implements MigrationInterface {
  name = 'DocumentDerivations1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'document_derivations',
        columns: [
          { ...c.varchar('documentName', 100), isPrimary: true },
          c.integer('lastUpdateId', 0),
          c.updatedAt(),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('document_derivations');
  }
}
