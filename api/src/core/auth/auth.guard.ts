import type { Role } from '@jianyan/shared';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppErrors } from '../../common/errors';
import { requestFrom } from '../../common/graphql-context';
import { IS_PUBLIC, REQUIRED_ROLES } from './decorators';

/** Global guard: closed by default; @Public opens an operation, @Roles narrows it. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const actor = requestFrom(context).actor;
    if (!actor) throw AppErrors.unauthenticated();
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(actor.role)) throw AppErrors.forbidden();
    return true;
  }
}
