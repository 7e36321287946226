import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { columnsFor } from './migration-helpers';

/**
 * A notification's e-mail is claimed with a lease (`emailClaimedUntil`) while it is sent, and marked
 * `emailedAt` only once the SMTP server accepted it; an outbox row that failed its last allowed
 * attempt is kept as failed (`failedAt`) instead of being retried forever.
 */
export class EmailClaimsOutboxFailures1766100000000 implements MigrationInterface {
  name = 'EmailClaimsOutboxFailures1766100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(queryRunner);
    await queryRunner.addColumn('notifications', new TableColumn(c.timestamp('emailClaimedUntil', true)));
    await queryRunner.addColumn('event_outbox', new TableColumn(c.timestamp('failedAt', true)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('event_outbox', 'failedAt');
    await queryRunner.dropColumn('notifications', 'emailClaimedUntil');
  }
}
