import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { columnsFor } from './migration-helpers';

/** The day a status change took effect, when it is recorded afterwards (a proposal handed in on paper). */
export class StatusEventEffectiveDay1764510000000 implements MigrationInterface {
  name = 'StatusEventEffectiveDay1764510000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('status_events', new TableColumn(columnsFor(queryRunner).varchar('effectiveOn', 10, true)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('status_events', 'effectiveOn');
  }
}
