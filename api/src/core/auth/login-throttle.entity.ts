import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TIMESTAMP_TYPE } from '../../database/columns';

/** Failed sign-ins per login identifier; kept in the database so every API instance sees them. */
@Entity('login_throttles')
export class LoginThrottleEntity {
  @PrimaryColumn({ type: 'varchar', length: 300 })
  key!: string;

  @Column({ type: 'integer', default: 0 })
  failures!: number;

  @Column({ type: TIMESTAMP_TYPE })
  lastFailureAt!: Date;

  @Column({ type: TIMESTAMP_TYPE, nullable: true })
  lockedUntil!: Date | null;
}
