import { ORGANIZATION_KINDS, OrganizationKind } from '@jianyan/shared';
import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export const OrganizationKindEnum = Object.fromEntries(ORGANIZATION_KINDS.map((k) => [k, k])) as Record<
  OrganizationKind,
  OrganizationKind
>;
registerEnumType(OrganizationKindEnum, { name: 'OrganizationKind' });

@ObjectType('Organization', { description: 'The city federation or one of its district federations' })
export class OrganizationModel {
  @Field(() => ID)
  id!: string;

  @Field()
  code!: string;

  @Field({ description: 'Chinese name, e.g. 晋安区妇联' })
  name!: string;

  @Field()
  nameEn!: string;

  @Field(() => OrganizationKindEnum)
  kind!: OrganizationKind;

  @Field(() => ID, { nullable: true })
  parentId!: string | null;
}
