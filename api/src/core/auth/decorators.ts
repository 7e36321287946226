import type { Role } from '@jianyan/shared';
import { ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';
import { AppErrors } from '../../common/errors';
import { Actor, requestFrom } from '../../common/graphql-context';

export const IS_PUBLIC = 'jianyan:isPublic';
export const REQUIRED_ROLES = 'jianyan:roles';

/** Lets an operation run without a session. Everything else requires one. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Restricts an operation to these roles (checked by AuthGuard). */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

/** The signed-in caller. AuthGuard has already refused anonymous calls to non-public operations. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = requestFrom(context).actor;
  if (!actor) throw AppErrors.unauthenticated();
  return actor;
});
