import { Inject } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { Actor } from '../../common/graphql-context';
import { Page } from '../../common/pagination';
import { PUBSUB, PubSubPort } from '../../common/pubsub';
import type { SubscriptionContext } from '../../graphql-ws.config';
import { AuthService } from '../auth/auth.service';
import { CurrentActor } from '../auth/decorators';
import { FollowsService } from './follows.service';
import { NotificationMailer } from './notification-mailer';
import {
  FollowInput,
  FollowModel,
  FollowTargetTypeEnum,
  MarkNotificationsReadInput,
  NotificationConnection,
  NotificationModel,
  NotificationPreferencesInput,
  NotificationPreferencesModel,
} from './notification.model';
import { FollowTargetType } from './notification.entity';
import { NotificationsService, notificationChannel } from './notifications.service';
import { pubSubIterator } from './pubsub-iterator';

/** A notification as published (JSON) back into the shape the schema serialises. */
function revive(message: unknown): NotificationModel {
  const n = message as NotificationModel & { createdAt: string; readAt: string | null };
  return Object.assign(new NotificationModel(), n, { createdAt: new Date(n.createdAt), readAt: n.readAt ? new Date(n.readAt) : null });
}

@Resolver(() => NotificationModel)
export class NotificationsResolver {
  constructor(
    private readonly feed: NotificationsService,
    private readonly following: FollowsService,
    private readonly mailer: NotificationMailer,
    private readonly auth: AuthService,
    @Inject(PUBSUB) private readonly pubsub: PubSubPort,
  ) {}

  @Query(() => NotificationConnection, { description: 'The caller’s notifications, newest first' })
  async notifications(
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('unreadOnly', { type: () => Boolean, nullable: true, defaultValue: false }) unreadOnly: boolean,
  ): Promise<Page<NotificationModel>> {
    const page = await this.feed.list(actor, first, after, unreadOnly);
    return { ...page, nodes: page.nodes.map(NotificationModel.from) };
  }

  @Query(() => Int)
  unreadNotificationCount(@CurrentActor() actor: Actor): Promise<number> {
    return this.feed.unreadCount(actor);
  }

  @Mutation(() => Int, { description: 'Marks the given (or all) notifications read; returns the unread count after' })
  markNotificationsRead(@CurrentActor() actor: Actor, @Args('input') input: MarkNotificationsReadInput): Promise<number> {
    return this.feed.markRead(actor, input);
  }

  @Query(() => [FollowModel], { description: 'What the caller follows, newest first (she follows the proposals she is a member of unless she unfollowed them)' })
  async follows(
    @CurrentActor() actor: Actor,
    @Args('targetType', { type: () => FollowTargetTypeEnum, nullable: true }) targetType: FollowTargetType | null,
  ): Promise<FollowModel[]> {
    return (await this.following.list(actor, targetType)).map(FollowModel.from);
  }

  @Query(() => Boolean)
  isFollowing(
    @CurrentActor() actor: Actor,
    @Args('targetType', { type: () => FollowTargetTypeEnum }) targetType: FollowTargetType,
    @Args('targetId', { type: () => ID }) targetId: string,
  ): Promise<boolean> {
    return this.following.isFollowing(actor, { targetType, targetId });
  }

  @Mutation(() => FollowModel, { description: 'Follows a proposal or suggestion the caller sees, a district of her federation, or a program' })
  async follow(@CurrentActor() actor: Actor, @Args('input') input: FollowInput): Promise<FollowModel> {
    return FollowModel.from(await this.following.follow(actor, input));
  }

  @Mutation(() => Boolean, { description: 'Stops following; returns whether the caller still follows (always false)' })
  unfollow(@CurrentActor() actor: Actor, @Args('input') input: FollowInput): Promise<boolean> {
    return this.following.unfollow(actor, input);
  }

  @Query(() => NotificationPreferencesModel)
  async notificationPreferences(@CurrentActor() actor: Actor): Promise<NotificationPreferencesModel> {
    return { email: await this.mailer.frequencyOf(actor.userId), emailAvailable: this.mailer.enabled };
  }

  @Mutation(() => NotificationPreferencesModel)
  async setNotificationPreferences(
    @CurrentActor() actor: Actor,
    @Args('input') input: NotificationPreferencesInput,
  ): Promise<NotificationPreferencesModel> {
    return { email: await this.mailer.setFrequency(actor.userId, input.email), emailAvailable: this.mailer.enabled };
  }

  @Subscription(() => NotificationModel, {
    description: 'The caller’s new notifications as they happen (graphql-ws on /graphql; the session cookie is checked at connect)',
    resolve: revive,
  })
  async notificationAdded(@CurrentActor() actor: Actor, @Context() context: SubscriptionContext): Promise<AsyncIterableIterator<unknown>> {
    const messages = await pubSubIterator(this.pubsub, notificationChannel(actor.userId));
    return this.whileSignedIn(messages, context.sessionToken);
  }

  /** Ends the subscription at the first message after the session was signed out or the account deactivated. */
  private whileSignedIn(messages: AsyncIterableIterator<unknown>, sessionToken: string): AsyncIterableIterator<unknown> {
    const auth = this.auth;
    const iterator: AsyncIterableIterator<unknown> = {
      async next() {
        const result = await messages.next();
        if (result.done) return result;
        if (!(await auth.actorForToken(sessionToken))) return messages.return!();
        return result;
      },
      return: () => messages.return!(),
      throw: (error: unknown) => messages.throw!(error),
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }
}
