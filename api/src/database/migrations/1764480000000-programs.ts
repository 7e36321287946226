import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { columnsFor } from './migration-helpers';

/** Development programs (发展纲要) and their clause trees. */
export class Programs1764480000000 implements MigrationInterface {
  name = 'Programs1764480000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'programs',
        columns: [
          c.id(),
          c.varchar('name', 200),
          c.varchar('issuingBody', 200),
          c.ref('districtId', true),
          { ...c.integer('periodStart'), isNullable: false },
          { ...c.integer('periodEnd'), isNullable: false },
          c.varchar('promulgatedOn', 10, true),
          c.varchar('sourceDocument', 500, true),
          c.ref('createdById'),
          c.timestamp('createdAt'),
        ],
        foreignKeys: [
          { columnNames: ['districtId'], referencedTableName: 'organizations', referencedColumnNames: ['id'] },
          { columnNames: ['createdById'], referencedTableName: 'users', referencedColumnNames: ['id'] },
        ],
        indices: [{ columnNames: ['name'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'program_clauses',
        columns: [
          c.id(),
          c.ref('programId'),
          c.ref('parentId', true),
          { ...c.integer('position'), isNullable: false },
          c.varchar('kind', 10),
          c.varchar('number', 20),
          c.text('text'),
        ],
        foreignKeys: [{ columnNames: ['programId'], referencedTableName: 'programs', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
        indices: [{ columnNames: ['programId'] }, { columnNames: ['parentId'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('program_clauses');
    await queryRunner.dropTable('programs');
  }
}
