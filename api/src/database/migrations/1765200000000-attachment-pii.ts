import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { columnsFor } from './migration-helpers';

/** Whether a text attachment holds personal data (detected on upload): its raw bytes are raw content. */
export class AttachmentPii1765200000000 implements MigrationInterface {
  name = 'AttachmentPii1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('evidence_attachments', new TableColumn(columnsFor(queryRunner).boolean('containsPii', false)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('evidence_attachments', 'containsPii');
  }
}
