import { MigrationInterface, QueryRunner, Table, TableColumnOptions } from 'typeorm';
import { columnsFor } from './migration-helpers';

const required = (column: TableColumnOptions): TableColumnOptions => ({ ...column, isNullable: false });
const users = (columnName: string) => ({ columnNames: [columnName], referencedTableName: 'users', referencedColumnNames: ['id'] });
const organizations = (columnName: string) => ({ columnNames: [columnName], referencedTableName: 'organizations', referencedColumnNames: ['id'] });
const evidence = { columnNames: ['evidenceId'], referencedTableName: 'evidence', referencedColumnNames: ['id'], onDelete: 'CASCADE' };

/** Case evidence with its tags, grants, attachments and links; the append-only audit log. */
export class Evidence1764470000000 implements MigrationInterface {
  name = 'Evidence1764470000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'evidence',
        columns: [
          c.id(),
          c.varchar('title', 200),
          c.varchar('titleMasked', 400),
          c.text('narrative'),
          c.text('narrativeMasked'),
          c.varchar('dateFrom', 10),
          c.varchar('dateTo', 10, true),
          c.ref('districtId', true),
          c.varchar('town', 60, true),
          c.varchar('community', 60, true),
          c.text('populations'),
          c.text('themes'),
          c.varchar('sourceType', 30),
          c.text('figures'),
          c.ref('contributorId'),
          c.ref('organizationId'),
          c.varchar('sensitivity', 20),
          c.boolean('aboutIdentifiablePeople', true),
          c.boolean('consentObtained', false),
          c.varchar('consentObtainedBy', 60, true),
          c.varchar('consentObtainedOn', 10, true),
          c.varchar('consentScope', 500, true),
          c.varchar('consentExpiresOn', 10, true),
          c.text('markedNames'),
          c.text('piiFindings'),
          c.varchar('status', 20),
          c.integer('version', 1),
          c.timestamp('createdAt'),
          c.timestamp('updatedAt'),
          c.timestamp('publishedAt', true),
        ],
        foreignKeys: [organizations('districtId'), organizations('organizationId'), users('contributorId')],
        indices: [
          { columnNames: ['status'] },
          { columnNames: ['organizationId'] },
          { columnNames: ['contributorId'] },
          { columnNames: ['districtId'] },
          { columnNames: ['updatedAt'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'evidence_tags',
        columns: [
          { ...c.ref('evidenceId'), isPrimary: true },
          { ...c.varchar('kind', 20), isPrimary: true },
          { ...c.varchar('value', 40), isPrimary: true },
        ],
        foreignKeys: [evidence],
        indices: [{ columnNames: ['kind', 'value'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'evidence_grants',
        columns: [c.id(), c.ref('evidenceId'), c.ref('userId'), c.varchar('level', 10), c.ref('grantedById'), c.timestamp('grantedAt')],
        uniques: [{ columnNames: ['evidenceId', 'userId'] }],
        foreignKeys: [evidence, users('userId'), users('grantedById')],
        indices: [{ columnNames: ['userId'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'evidence_attachments',
        columns: [
          c.id(),
          c.ref('evidenceId'),
          c.varchar('fileName', 200),
          c.varchar('kind', 10),
          required(c.integer('size')),
          c.varchar('sha256', 64),
          c.varchar('storageKey', 200),
          c.ref('uploadedById'),
          c.timestamp('createdAt'),
        ],
        foreignKeys: [evidence, users('uploadedById')],
        indices: [{ columnNames: ['evidenceId'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'evidence_links',
        columns: [
          c.id(),
          c.ref('evidenceId'),
          c.ref('proposalId'),
          c.ref('suggestionId', true),
          c.varchar('citationId', 64, true),
          c.text('quote', true),
          c.text('note', true),
          c.ref('createdById'),
          c.timestamp('createdAt'),
        ],
        foreignKeys: [
          evidence,
          { columnNames: ['proposalId'], referencedTableName: 'proposals', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['suggestionId'], referencedTableName: 'suggestions', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          users('createdById'),
        ],
        indices: [{ columnNames: ['evidenceId'] }, { columnNames: ['proposalId'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          c.id(),
          c.timestamp('occurredAt'),
          c.ref('actorId'),
          c.varchar('action', 60),
          c.varchar('entityType', 30),
          c.ref('entityId', true),
          c.ref('organizationId'),
          c.text('details'),
        ],
        foreignKeys: [users('actorId'), organizations('organizationId')],
        indices: [{ columnNames: ['organizationId', 'occurredAt'] }, { columnNames: ['entityId'] }, { columnNames: ['actorId'] }],
      }),
    );
    await this.forbidAuditChanges(queryRunner);
  }

  /** The audit log is append-only: the database refuses updates and deletes whoever asks. */
  private async forbidAuditChanges(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query(
        `CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END; $$ LANGUAGE plpgsql`,
      );
      await queryRunner.query(
        'CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()',
      );
      await queryRunner.query(
        'CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()',
      );
      return;
    }
    for (const event of ['UPDATE', 'DELETE']) {
      await queryRunner.query(
        `CREATE TRIGGER audit_log_no_${event.toLowerCase()} BEFORE ${event} ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query('DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log');
      await queryRunner.query('DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log');
      await queryRunner.query('DROP FUNCTION IF EXISTS audit_log_append_only()');
    } else {
      await queryRunner.query('DROP TRIGGER IF EXISTS audit_log_no_update');
      await queryRunner.query('DROP TRIGGER IF EXISTS audit_log_no_delete');
    }
    for (const table of ['audit_log', 'evidence_links', 'evidence_attachments', 'evidence_grants', 'evidence_tags', 'evidence']) {
      await queryRunner.dropTable(table);
    }
  }
}
