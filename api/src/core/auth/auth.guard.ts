import type { Role } from '@jianyan/shared';
import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppErrors } from '../../common/errors';
import { requestFrom } from '../../common/graphql-context';
import { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { IS_PUBLIC, REQUIRED_ROLES } from './decorators';

/** Global guard: closed by default; @Public opens an operation, @Roles narrows it. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = requestFrom(context);
    const actor = request.actor;
    if (!actor && request.sessionEnded === 'idle') throw AppErrors.sessionIdle(Math.round(this.config.sessionIdleTimeoutMs / 1000));
    if (!actor) throw AppErrors.unauthenticated();
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(actor.role)) throw AppErrors.forbidden();
    return true;
  }
}
