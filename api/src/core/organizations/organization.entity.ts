import type { OrganizationKind } from '@jianyan/shared';
import { Column, CreateDateColumn, Entity } from 'typeorm';
import { EntityWithId, TIMESTAMP_TYPE } from '../../database/columns';

@Entity('organizations')
export class OrganizationEntity extends EntityWithId {
  @Column({ type: 'varchar', length: 40, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ type: 'varchar', length: 160 })
  nameEn!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: OrganizationKind;

  @Column({ type: 'varchar', length: 36, nullable: true })
  parentId!: string | null;

  @CreateDateColumn({ type: TIMESTAMP_TYPE })
  createdAt!: Date;
}
