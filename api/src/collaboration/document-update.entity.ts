import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { BINARY_TYPE, TIMESTAMP_TYPE } from '../database/columns';

/** One Yjs update accepted by the server, stored before it is acknowledged. */
@Entity('document_updates')
export class DocumentUpdateEntity {
  @PrimaryGeneratedColumn('increment')
  id!: number;

  @Column({ type: 'varchar', length: 100 })
  documentName!: string;

  @Column({ type: BINARY_TYPE })
  data!: Buffer;

  @Column({ type: 'varchar', length: 36, nullable: true })
  userId!: string | null;

  @CreateDateColumn({ type: TIMESTAMP_TYPE })
  createdAt!: Date;
}

/** The merged state of a document up to `lastUpdateId`; later updates apply on top. */
@Entity('document_snapshots')
export class DocumentSnapshotEntity {
  @Column({ type: 'varchar', length: 100, primary: true })
  documentName!: string;

  @Column({ type: BINARY_TYPE })
  state!: Buffer;

  @Column({ type: 'integer', default: 0 })
  lastUpdateId!: number;

  /** How many updates were merged into this snapshot over its life. */
  @Column({ type: 'integer', default: 0 })
  updateCount!: number;

  @Column({ type: TIMESTAMP_TYPE, default: () => 'CURRENT_TIMESTAMP' })
  updatedAt!: Date;
}

/** The last stored update (id) a document's derived body was derived from. */
@Entity('document_derivations')
export class DocumentDerivationEntity {
  @Column({ type: 'varchar', length: 100, primary: true })
  documentName!: string;

  @Column({ type: 'integer', default: 0 })
  lastUpdateId!: number;

  @Column({ type: TIMESTAMP_TYPE, default: () => 'CURRENT_TIMESTAMP' })
  updatedAt!: Date;
}
