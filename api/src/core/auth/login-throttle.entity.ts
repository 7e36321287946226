import { Column, Entity, PrimaryColumn } from 'typeorm';

const epochMillis = { to: (value: number) => value, from: (value: string | number) => Number(value) };

/**
 * One sign-in throttle bucket (an address, an account, an identifier from one address, or a known
 * device): `attempts` reserved in the window ending at `resetAt`. Kept in the database so every
 * API instance shares them; changed only by LoginThrottleService's conditional upserts.
 */
@Entity('login_throttles')
export class LoginThrottleEntity {
  @PrimaryColumn({ type: 'varchar', length: 300 })
  key!: string;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /** Length of the current window; doubles when a bucket fills again soon after a full window. */
  @Column({ type: 'bigint', transformer: epochMillis })
  windowMs!: number;

  @Column({ type: 'bigint', transformer: epochMillis })
  resetAt!: number;
}
