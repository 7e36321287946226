import { Field, GraphQLISODateTime, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination';
import { AuditEntryEntity } from './audit.entity';

@ObjectType('AuditEntry', { description: 'One entry of the append-only audit log' })
export class AuditEntryModel {
  @Field(() => ID)
  id!: string;

  @Field(() => GraphQLISODateTime)
  occurredAt!: Date;

  @Field(() => ID)
  actorId!: string;

  @Field({ description: 'e.g. evidence.raw_read, evidence.sensitivity_changed, evidence.exported' })
  action!: string;

  @Field({ description: 'e.g. evidence, evidence_export' })
  entityType!: string;

  @Field(() => ID, { nullable: true })
  entityId!: string | null;

  @Field(() => ID)
  organizationId!: string;

  @Field({ description: 'JSON object with the particulars of the action' })
  details!: string;

  static from(entity: AuditEntryEntity): AuditEntryModel {
    return Object.assign(new AuditEntryModel(), entity);
  }
}

export const AuditEntryConnection = Connection(AuditEntryModel, 'AuditEntryConnection');

@InputType()
export class AuditLogFilter {
  @Field(() => ID, { nullable: true })
  actorId?: string | null;

  @Field(() => String, { nullable: true })
  action?: string | null;

  @Field(() => ID, { nullable: true })
  entityId?: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Entries at or after this moment' })
  from?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Entries at or before this moment' })
  to?: Date | null;
}
