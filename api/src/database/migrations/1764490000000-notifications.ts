import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { columnsFor } from './migration-helpers';

const users = (columnName: string) => ({
  columnNames: [columnName],
  referencedTableName: 'users',
  referencedColumnNames: ['id'],
  onDelete: 'CASCADE',
});

/** Follows, the in-app notification feed and each person's e-mail preference. */
export class Notifications1764490000000 implements MigrationInterface {
  name = 'Notifications1764490000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'follows',
        columns: [c.id(), c.ref('userId'), c.varchar('targetType', 20), c.ref('targetId'), c.boolean('muted', false), c.timestamp('createdAt')],
        uniques: [{ columnNames: ['userId', 'targetType', 'targetId'] }],
        foreignKeys: [users('userId')],
        indices: [{ columnNames: ['targetType', 'targetId'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notifications',
        columns: [
          c.id(),
          c.ref('userId'),
          c.varchar('kind', 30),
          c.ref('proposalId'),
          c.ref('suggestionId', true),
          c.text('payload'),
          c.timestamp('createdAt'),
          c.timestamp('readAt', true),
          c.timestamp('emailedAt', true),
        ],
        foreignKeys: [users('userId'), { columnNames: ['proposalId'], referencedTableName: 'proposals', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
        indices: [{ columnNames: ['userId', 'createdAt'] }, { columnNames: ['userId', 'readAt'] }, { columnNames: ['proposalId'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notification_preferences',
        columns: [{ ...c.ref('userId'), isPrimary: true }, c.varchar('email', 20), c.timestamp('lastDigestAt', true)],
        foreignKeys: [users('userId')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('notification_preferences');
    await queryRunner.dropTable('notifications');
    await queryRunner.dropTable('follows');
  }
}
