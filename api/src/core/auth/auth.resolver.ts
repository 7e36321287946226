import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, GraphQLContext } from '../../common/graphql-context';
import { AppErrors } from '../../common/errors';
import { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { UserModel } from '../users/user.model';
import { UsersService } from '../users/users.service';
import { ChangePasswordInput, LoginInput } from './auth.model';
import { AuthService } from './auth.service';
import { CurrentActor, Public } from './decorators';
import { DEVICE_COOKIE, DEVICE_COOKIE_DAYS, knownDeviceCookieValue, parseKnownDevice } from './known-device';
import { SESSION_COOKIE } from './session.middleware';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Mutation(() => UserModel, { description: 'Signs in and sets the session cookie' })
  async login(@Args('input') input: LoginInput, @Context() context: GraphQLContext): Promise<UserModel> {
    const { req, res } = context;
    const { user, token, expiresAt, device } = await this.auth.login({
      identifier: input.identifier,
      password: input.password,
      clientAddress: req.ip,
      device: parseKnownDevice((req.signedCookies as Record<string, unknown> | undefined)?.[DEVICE_COOKIE]),
    });
    const cookie = {
      httpOnly: true,
      sameSite: 'lax' as const,
      // Secure when configured, and always when the client came over TLS (seen through a trusted proxy).
      secure: this.config.cookieSecure || req.secure,
      signed: true,
      path: '/',
    };
    res.cookie(SESSION_COOKIE, token, { ...cookie, expires: expiresAt });
    res.cookie(DEVICE_COOKIE, knownDeviceCookieValue(device), { ...cookie, maxAge: DEVICE_COOKIE_DAYS * 86_400_000 });
    return UserModel.from(user);
  }

  @Mutation(() => Boolean, { description: 'Ends the current session' })
  async logout(@CurrentActor() actor: Actor, @Context() context: GraphQLContext): Promise<boolean> {
    await this.auth.logout(actor);
    context.res.clearCookie(SESSION_COOKIE, { path: '/' });
    return true;
  }

  @Query(() => UserModel, { description: 'The signed-in user' })
  async me(@CurrentActor() actor: Actor): Promise<UserModel> {
    const user = await this.users.findById(actor.userId);
    if (!user) throw AppErrors.unauthenticated();
    return UserModel.from(user);
  }

  @Mutation(() => Boolean, { description: 'Changes the own password and signs out other sessions' })
  async changePassword(@CurrentActor() actor: Actor, @Args('input') input: ChangePasswordInput): Promise<boolean> {
    await this.auth.changePassword(actor, input.currentPassword, input.newPassword);
    return true;
  }
}
