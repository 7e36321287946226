import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TIMESTAMP_TYPE } from '../database/columns';

@Entity('search_outbox')
export class SearchOutboxEntity {
  @PrimaryGeneratedColumn('increment')
  id!: number;

  @Column({ type: 'varchar', length: 40 })
  indexName!: string;

  @Column({ type: 'varchar', length: 36 })
  entityId!: string;

  @CreateDateColumn({ type: TIMESTAMP_TYPE })
  createdAt!: Date;
}
