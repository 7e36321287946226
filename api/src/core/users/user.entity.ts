import type { Role } from '@jianyan/shared';
import { Column, CreateDateColumn, Entity, UpdateDateColumn } from 'typeorm';
import { EntityWithId, TIMESTAMP_TYPE } from '../../database/columns';

@Entity('users')
export class UserEntity extends EntityWithId {
  @Column({ type: 'varchar', length: 60 })
  displayName!: string;

  @Column({ type: 'varchar', length: 254, nullable: true, unique: true })
  email!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true, unique: true })
  mobile!: string | null;

  @Column({ type: 'varchar', length: 200 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 20 })
  role!: Role;

  @Column({ type: 'varchar', length: 36 })
  organizationId!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: TIMESTAMP_TYPE })
  createdAt!: Date;

  @UpdateDateColumn({ type: TIMESTAMP_TYPE })
  updatedAt!: Date;
}
