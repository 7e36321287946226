import { ROLES, Role } from '@jianyan/shared';
import { Field, GraphQLISODateTime, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination';
import { UserEntity } from './user.entity';

export const RoleEnum = Object.fromEntries(ROLES.map((r) => [r, r])) as Record<Role, Role>;
registerEnumType(RoleEnum, { name: 'Role' });

/**
 * An account with its contact details. Only the person herself (`me`, `login`) and the admins who
 * administer her organisation (`users` and the account mutations) reach it; everywhere else a
 * person is a PersonSummary.
 */
@ObjectType('User', { description: 'An account with its contact details: for the person herself and the admins of her organisation' })
export class UserModel {
  @Field(() => ID)
  id!: string;

  @Field()
  displayName!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  mobile!: string | null;

  @Field(() => RoleEnum)
  role!: Role;

  @Field()
  active!: boolean;

  organizationId!: string;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  static from(entity: UserEntity): UserModel {
    const { passwordHash: _omitted, updatedAt: _unused, ...visible } = entity;
    return Object.assign(new UserModel(), visible);
  }
}

export const UserConnection = Connection(UserModel, 'UserConnection');

@ObjectType('PersonSummary', { description: 'Someone as others see her: name, role and organisation, without contact details' })
export class PersonSummary {
  @Field(() => ID)
  id!: string;

  @Field()
  displayName!: string;

  @Field(() => RoleEnum)
  role!: Role;

  organizationId!: string;

  static from(entity: UserEntity): PersonSummary {
    return Object.assign(new PersonSummary(), {
      id: entity.id,
      displayName: entity.displayName,
      role: entity.role,
      organizationId: entity.organizationId,
    });
  }
}

@ObjectType()
export class CreateUserPayload {
  @Field(() => UserModel)
  user!: UserModel;

  @Field(() => String, {
    nullable: true,
    description: 'Set when no password was given: shown once, for the admin to pass on',
  })
  temporaryPassword!: string | null;
}

@InputType()
export class CreateUserInput {
  @Field()
  displayName!: string;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  mobile?: string | null;

  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => String, { nullable: true })
  password?: string | null;
}

@InputType()
export class ChangeUserRoleInput {
  @Field(() => ID)
  userId!: string;

  @Field(() => RoleEnum)
  role!: Role;
}
