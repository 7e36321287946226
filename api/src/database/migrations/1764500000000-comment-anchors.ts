import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { columnsFor } from './migration-helpers';

const THREAD_INDEX = 'IDX_proposal_comments_anchor_thread';

/** Comment threads anchored to a passage of the proposal body (a commentAnchor mark). */
export class CommentAnchors1764500000000 implements MigrationInterface {
  name = 'CommentAnchors1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(queryRunner);
    await queryRunner.addColumns('proposal_comments', [
      new TableColumn(c.varchar('anchorThreadId', 36, true)),
      new TableColumn(c.text('anchorQuote', true)),
      new TableColumn(c.text('anchorText', true)),
      new TableColumn(c.boolean('anchorDetached', false)),
    ]);
    await queryRunner.createIndex(
      'proposal_comments',
      new TableIndex({ name: THREAD_INDEX, columnNames: ['proposalId', 'anchorThreadId'], isUnique: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('proposal_comments', THREAD_INDEX);
    await queryRunner.dropColumns('proposal_comments', ['anchorThreadId', 'anchorQuote', 'anchorText', 'anchorDetached']);
  }
}
