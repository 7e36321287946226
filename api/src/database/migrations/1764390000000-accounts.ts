import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { columnsFor } from './migration-helpers';

export class Accounts1764390000000 implements MigrationInterface {
  name = 'Accounts1764390000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'organizations',
        columns: [
          c.id(),
          c.varchar('code', 40),
          c.varchar('name', 120),
          c.varchar('nameEn', 160),
          c.varchar('kind', 20),
          c.ref('parentId', true),
          c.createdAt(),
        ],
        uniques: [{ columnNames: ['code'] }],
        foreignKeys: [{ columnNames: ['parentId'], referencedTableName: 'organizations', referencedColumnNames: ['id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          c.id(),
          c.varchar('displayName', 60),
          c.varchar('email', 254, true),
          c.varchar('mobile', 20, true),
          c.varchar('passwordHash', 200),
          c.varchar('role', 20),
          c.ref('organizationId'),
          c.boolean('active', true),
          c.createdAt(),
          c.updatedAt(),
        ],
        uniques: [{ columnNames: ['email'] }, { columnNames: ['mobile'] }],
      }),
    );
    await queryRunner.createForeignKey(
      'users',
      new TableForeignKey({ columnNames: ['organizationId'], referencedTableName: 'organizations', referencedColumnNames: ['id'] }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'sessions',
        columns: [
          { name: 'id', type: 'varchar', length: '64', isPrimary: true },
          c.ref('userId'),
          c.createdAt(),
          c.timestamp('expiresAt'),
          c.timestamp('lastSeenAt'),
        ],
        foreignKeys: [{ columnNames: ['userId'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      }),
    );
    await queryRunner.createIndex('sessions', new TableIndex({ columnNames: ['userId'] }));
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

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('login_throttles');
    await queryRunner.dropTable('sessions');
    await queryRunner.dropTable('users');
    await queryRunner.dropTable('organizations');
  }
}
