import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { columnsFor } from './migration-helpers';

/** A heading's note (the preamble printed under it) and a measure's 责任单位, read at import. */
export class ProgramClauseFields1765600000000 implements MigrationInterface {
  name = 'ProgramClauseFields1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const columns = columnsFor(queryRunner);
    await queryRunner.addColumns('program_clauses', [new TableColumn(columns.text('note', true)), new TableColumn(columns.varchar('responsibleUnits', 500, true))]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('program_clauses', 'responsibleUnits');
    await queryRunner.dropColumn('program_clauses', 'note');
  }
}
