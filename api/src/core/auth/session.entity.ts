import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { TIMESTAMP_TYPE } from '../../database/columns';

/** A server-side session. The id is the SHA-256 of the cookie token, so a database leak yields no usable cookie. */
@Entity('sessions')
export class SessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  userId!: string;

  @CreateDateColumn({ type: TIMESTAMP_TYPE })
  createdAt!: Date;

  @Column({ type: TIMESTAMP_TYPE })
  expiresAt!: Date;

  @Column({ type: TIMESTAMP_TYPE })
  lastSeenAt!: Date;
}
