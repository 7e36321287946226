import { MigrationInterface, QueryRunner, Table, TableColumnOptions } from 'typeorm';
import { columnsFor } from './migration-helpers';

/** An integer column without a default that must still be set. */
const required = (column: TableColumnOptions): TableColumnOptions => ({ ...column, isNullable: false });
const users = (columnName: string) => ({ columnNames: [columnName], referencedTableName: 'users', referencedColumnNames: ['id'] });

export class Proposals1764400000000 implements MigrationInterface {
  name = 'Proposals1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(queryRunner);
    const proposal = { columnNames: ['proposalId'], referencedTableName: 'proposals', referencedColumnNames: ['id'] };
    await queryRunner.createTable(
      new Table({
        name: 'proposals',
        columns: [
          c.id(),
          c.varchar('title', 200),
          c.text('summary'),
          c.varchar('target', 200, true),
          required(c.integer('year')),
          c.text('topics'),
          c.ref('districtId'),
          c.ref('leadAuthorId'),
          c.varchar('status', 20),
          c.integer('version', 1),
          c.createdAt(),
          c.updatedAt(),
        ],
        foreignKeys: [
          { columnNames: ['districtId'], referencedTableName: 'organizations', referencedColumnNames: ['id'] },
          users('leadAuthorId'),
        ],
        indices: [{ columnNames: ['status'] }, { columnNames: ['districtId'] }, { columnNames: ['updatedAt'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'proposal_members',
        columns: [c.id(), c.ref('proposalId'), c.ref('userId'), c.varchar('role', 20), c.createdAt()],
        uniques: [{ columnNames: ['proposalId', 'userId'] }],
        foreignKeys: [{ ...proposal, onDelete: 'CASCADE' }, users('userId')],
        indices: [{ columnNames: ['userId'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'suggestions',
        columns: [
          c.id(),
          c.ref('proposalId'),
          required(c.integer('position')),
          c.varchar('title', 200),
          c.text('text'),
          c.varchar('programArea', 40, true),
          c.varchar('status', 30),
          c.createdAt(),
          c.updatedAt(),
        ],
        foreignKeys: [{ ...proposal, onDelete: 'CASCADE' }],
        indices: [{ columnNames: ['proposalId', 'position'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'status_events',
        columns: [
          c.id(),
          c.varchar('entityType', 20),
          c.ref('entityId'),
          c.ref('proposalId'),
          c.varchar('fromStatus', 30, true),
          c.varchar('toStatus', 30),
          c.ref('actorId'),
          c.text('note', true),
          c.varchar('source', 500, true),
          c.timestamp('occurredAt'),
        ],
        foreignKeys: [proposal, users('actorId')],
        indices: [{ columnNames: ['proposalId', 'occurredAt'] }, { columnNames: ['entityId'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'proposal_versions',
        columns: [
          c.id(),
          c.ref('proposalId'),
          required(c.integer('number')),
          c.varchar('title', 200),
          c.text('summary'),
          c.text('suggestions'),
          c.text('bodyText', true),
          c.ref('createdById'),
          c.createdAt(),
        ],
        uniques: [{ columnNames: ['proposalId', 'number'] }],
        foreignKeys: [proposal, users('createdById')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'proposal_answers',
        columns: [
          c.id(),
          c.ref('proposalId'),
          c.varchar('answeredOn', 10),
          c.varchar('replyingUnit', 200),
          c.varchar('answerClass', 1),
          c.text('text', true),
          c.varchar('documentRef', 500, true),
          c.ref('recordedById'),
          c.createdAt(),
        ],
        uniques: [{ columnNames: ['proposalId'] }],
        foreignKeys: [proposal, users('recordedById')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'proposal_comments',
        columns: [
          c.id(),
          c.ref('proposalId'),
          c.ref('suggestionId', true),
          c.ref('parentId', true),
          c.ref('authorId'),
          c.text('body'),
          c.text('mentions'),
          c.boolean('resolved', false),
          c.ref('resolvedById', true),
          c.timestamp('resolvedAt', true),
          c.createdAt(),
        ],
        foreignKeys: [
          { ...proposal, onDelete: 'CASCADE' },
          { columnNames: ['suggestionId'], referencedTableName: 'suggestions', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['parentId'], referencedTableName: 'proposal_comments', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          users('authorId'),
          users('resolvedById'),
        ],
        indices: [{ columnNames: ['proposalId', 'createdAt'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['proposal_comments', 'proposal_answers', 'proposal_versions', 'status_events', 'suggestions', 'proposal_members', 'proposals']) {
      await queryRunner.dropTable(table);
    }
  }
}
