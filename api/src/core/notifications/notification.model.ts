import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination';
import {
  EMAIL_FREQUENCIES,
  EmailFrequency,
  FOLLOW_TARGET_TYPES,
  FollowEntity,
  FollowTargetType,
  NOTIFICATION_KINDS,
  NotificationEntity,
  NotificationKind,
} from './notification.entity';

function enumOf<T extends string>(values: readonly T[]): Record<T, T> {
  return Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
}

export const FollowTargetTypeEnum = enumOf(FOLLOW_TARGET_TYPES);
registerEnumType(FollowTargetTypeEnum, { name: 'FollowTargetType' });
export const NotificationKindEnum = enumOf(NOTIFICATION_KINDS);
registerEnumType(NotificationKindEnum, { name: 'NotificationKind' });
export const EmailFrequencyEnum = enumOf(EMAIL_FREQUENCIES);
registerEnumType(EmailFrequencyEnum, { name: 'EmailFrequency', description: 'Whether notifications also go out by e-mail' });

@ObjectType('Notification', { description: 'Something that happened to a proposal or suggestion the person follows' })
export class NotificationModel {
  @Field(() => ID)
  id!: string;

  @Field(() => NotificationKindEnum)
  kind!: NotificationKind;

  @Field(() => ID)
  proposalId!: string;

  @Field(() => ID, { nullable: true })
  suggestionId!: string | null;

  @Field({ description: 'The proposal’s title when it happened' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Status before (proposal or suggestion status)' })
  fromStatus!: string | null;

  @Field(() => String, { nullable: true, description: 'Status after; for an adoption, the adoption status' })
  toStatus!: string | null;

  @Field(() => Int, { nullable: true })
  suggestionNumber!: number | null;

  @Field(() => String, { nullable: true })
  suggestionTitle!: string | null;

  @Field(() => String, { nullable: true, description: 'Who made the change' })
  actorName!: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  readAt!: Date | null;

  static from(entity: NotificationEntity): NotificationModel {
    const p = entity.payload;
    return Object.assign(new NotificationModel(), {
      id: entity.id,
      kind: entity.kind,
      proposalId: entity.proposalId,
      suggestionId: entity.suggestionId,
      title: p.title,
      fromStatus: p.from ?? null,
      toStatus: p.to ?? null,
      suggestionNumber: p.suggestionNumber ?? null,
      suggestionTitle: p.suggestionTitle ?? null,
      actorName: p.actorName ?? null,
      createdAt: new Date(entity.createdAt),
      readAt: entity.readAt ? new Date(entity.readAt) : null,
    });
  }
}

export const NotificationConnection = Connection(NotificationModel, 'NotificationConnection');

@ObjectType('Follow')
export class FollowModel {
  @Field(() => ID)
  id!: string;

  @Field(() => FollowTargetTypeEnum)
  targetType!: FollowTargetType;

  @Field(() => ID)
  targetId!: string;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  static from(entity: FollowEntity): FollowModel {
    return Object.assign(new FollowModel(), {
      id: entity.id,
      targetType: entity.targetType,
      targetId: entity.targetId,
      createdAt: entity.createdAt,
    });
  }
}

@ObjectType('NotificationPreferences')
export class NotificationPreferencesModel {
  @Field(() => EmailFrequencyEnum)
  email!: EmailFrequency;

  @Field({ description: 'Whether this installation sends e-mail at all (SMTP configured)' })
  emailAvailable!: boolean;
}

@InputType()
export class FollowInput {
  @Field(() => FollowTargetTypeEnum)
  targetType!: FollowTargetType;

  @Field(() => ID)
  targetId!: string;
}

@InputType()
export class MarkNotificationsReadInput {
  @Field(() => [ID], { nullable: true, description: 'These notifications; leave out and set `all` for every one' })
  ids?: string[] | null;

  @Field({ nullable: true, defaultValue: false })
  all?: boolean;
}

@InputType()
export class NotificationPreferencesInput {
  @Field(() => EmailFrequencyEnum)
  email!: EmailFrequency;
}
