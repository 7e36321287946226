import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/** The proposal body derived from its collaborative document: plain text and ProseMirror JSON. */
export class ProposalBody1764405000000 implements MigrationInterface {
  name = 'ProposalBody1764405000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('proposals', [
      new TableColumn({ name: 'bodyText', type: 'text', isNullable: true }),
      new TableColumn({ name: 'bodyJson', type: 'text', isNullable: true }),
    ]);
    await queryRunner.addColumn('proposal_versions', new TableColumn({ name: 'bodyJson', type: 'text', isNullable: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('proposal_versions', 'bodyJson');
    await queryRunner.dropColumns('proposals', ['bodyText', 'bodyJson']);
  }
}
