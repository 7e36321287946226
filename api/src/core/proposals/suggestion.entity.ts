import type { SuggestionStatus } from '@jianyan/shared';
import { Column, Entity } from 'typeorm';
import { EntityWithId, TIMESTAMP_TYPE } from '../../database/columns';

/** One numbered recommendation; its number is its place in `position` order, its id never changes. */
@Entity('suggestions')
export class SuggestionEntity extends EntityWithId {
  @Column({ type: 'varchar', length: 36 })
  proposalId!: string;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  programArea!: string | null;

  @Column({ type: 'varchar', length: 30 })
  status!: SuggestionStatus;

  @Column({ type: TIMESTAMP_TYPE })
  createdAt!: Date;

  @Column({ type: TIMESTAMP_TYPE })
  updatedAt!: Date;
}
