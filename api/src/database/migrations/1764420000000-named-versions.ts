import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/** Versions are saved by hand (with a name), at submission, and when an old one is restored. */
export class NamedVersions1764420000000 implements MigrationInterface {
  name = 'NamedVersions1764420000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('proposal_versions', [
      new TableColumn({ name: 'name', type: 'varchar', length: '100', isNullable: true }),
      new TableColumn({ name: 'kind', type: 'varchar', length: '20', default: "'submitted'" }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumns('proposal_versions', ['name', 'kind']);
  }
}
