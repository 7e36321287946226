import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { columnsFor } from './migration-helpers';

const cascade = (column: string, table: string) => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete: 'CASCADE',
});
const users = (column: string) => ({ columnNames: [column], referencedTableName: 'users', referencedColumnNames: ['id'] });

/**
 * Adoption records and match decisions. A clause or program with adoption records cannot be
 * deleted (no cascade), so a recorded outcome never disappears with a re-imported program.
 */
export class Adoption1764481000000 implements MigrationInterface {
  name = 'Adoption1764481000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'adoptions',
        columns: [
          c.id(),
          c.ref('suggestionId'),
          c.ref('proposalId'),
          c.varchar('targetKind', 20),
          c.ref('clauseId', true),
          c.ref('programId', true),
          c.varchar('documentTitle', 300, true),
          c.varchar('status', 30),
          c.varchar('decidedOn', 10),
          c.text('quotedText', true),
          c.varchar('source', 500, true),
          c.text('note', true),
          c.ref('recordedById'),
          c.timestamp('createdAt'),
          c.timestamp('updatedAt'),
        ],
        uniques: [{ columnNames: ['suggestionId', 'clauseId'] }],
        foreignKeys: [
          cascade('suggestionId', 'suggestions'),
          cascade('proposalId', 'proposals'),
          { columnNames: ['clauseId'], referencedTableName: 'program_clauses', referencedColumnNames: ['id'] },
          { columnNames: ['programId'], referencedTableName: 'programs', referencedColumnNames: ['id'] },
          users('recordedById'),
        ],
        indices: [{ columnNames: ['clauseId'] }, { columnNames: ['programId'] }, { columnNames: ['proposalId'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'match_decisions',
        columns: [c.id(), c.ref('suggestionId'), c.ref('clauseId'), c.varchar('decision', 10), c.ref('decidedById'), c.timestamp('decidedAt')],
        uniques: [{ columnNames: ['suggestionId', 'clauseId'] }],
        foreignKeys: [cascade('suggestionId', 'suggestions'), cascade('clauseId', 'program_clauses'), users('decidedById')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('match_decisions');
    await queryRunner.dropTable('adoptions');
  }
}
