import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Repository } from 'typeorm';
import { z } from 'zod';
import { randomUUID } from 'node:crypto';
import { DomainEvent, DomainEvents } from '../../common/domain-events';
import { EventOutboxWorker } from '../../common/event-outbox';
import { AppErrors } from '../../common/errors';
import { Actor } from '../../common/graphql-context';
import { Page, decodeCursor, encodeCursor, pageSizeSchema } from '../../common/pagination';
import { PUBSUB, PubSubPort } from '../../common/pubsub';
import { validateInput } from '../../common/validation';
import { runTransaction } from '../../database/transactions';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { ProposalsService } from '../proposals/proposals.service';
import { SuggestionsService } from '../proposals/suggestions.service';
import { FollowsService } from './follows.service';
import { actorOf } from './notification-actor';
import { NotificationMailer } from './notification-mailer';
import { NotificationEntity, NotificationKind, NotificationPayload } from './notification.entity';
import { NotificationModel } from './notification.model';

/** The channel a person's new notifications are published on (to every API instance). */
export const notificationChannel = (userId: string) => `notifications:${userId}`;

type NotifyingEvent = Extract<DomainEvent, { type: 'proposal.status.changed' | 'suggestion.status.changed' | 'adoption.recorded' }>;

/** A suggestion's move that an adoption caused is told by the adoption's own notification. */
function isNotifying(event: DomainEvent): event is NotifyingEvent {
  if (event.type === 'suggestion.status.changed') return !event.toldByAdoptionId;
  return event.type === 'proposal.status.changed' || event.type === 'adoption.recorded';
}

const KIND_OF: Record<NotifyingEvent['type'], NotificationKind> = {
  'proposal.status.changed': 'proposal_status',
  'suggestion.status.changed': 'suggestion_status',
  'adoption.recorded': 'adoption',
};

/** The name under which notifications consume their events from the outbox. */
export const NOTIFICATIONS_CONSUMER = 'notifications';

/**
 * Turns status changes and adoptions into notifications for the people who follow them and may see
 * the proposal when the event is delivered. The events come through the outbox (recorded with the
 * change itself), so a crash after the commit delays notifications but loses none; each is created
 * once per event and recipient (a unique key), however often the event is delivered. Delivered to
 * live subscribers through the pub/sub port, so a subscriber on another instance gets it too.
 */
@Injectable()
export class NotificationsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(NotificationsService.name);
  private readonly subscriptions: { unsubscribe(): void }[] = [];
  /** Work started by in-process events, so shutdown (and tests) can wait for it. */
  private readonly pending = new Set<Promise<unknown>>();

  constructor(
    @InjectRepository(NotificationEntity) private readonly notifications: Repository<NotificationEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PUBSUB) private readonly pubsub: PubSubPort,
    private readonly events: DomainEvents,
    private readonly outbox: EventOutboxWorker,
    private readonly follows: FollowsService,
    private readonly proposals: ProposalsService,
    private readonly suggestions: SuggestionsService,
    private readonly users: UsersService,
    private readonly mailer: NotificationMailer,
  ) {}

  onModuleInit(): void {
    this.events.durable(NOTIFICATIONS_CONSUMER, ['proposal.status.changed', 'suggestion.status.changed', 'adoption.recorded'], async (event, delivery) => {
      if (!isNotifying(event)) return;
      await this.notify(event, delivery.eventId, delivery.occurredAt);
    });
    const track = (work: Promise<unknown>) => {
      const tracked = work.catch((error: Error) => this.logger.error(`notification handling failed: ${error.message}`, error.stack));
      this.pending.add(tracked);
      void tracked.finally(() => this.pending.delete(tracked));
    };
    this.subscriptions.push(this.events.on('proposal.membership.changed', (e) => track(this.membershipChanged(e.proposalId, e.userId))));
  }

  async onModuleDestroy(): Promise<void> {
    for (const s of this.subscriptions) s.unsubscribe();
    await this.settled();
  }

  /** Resolves once the notifications of events committed so far (and due) are created and published. */
  async settled(): Promise<void> {
    await this.outbox.drain();
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  /**
   * Creates the notifications of one event (`eventId`, recorded at `occurredAt`, which orders the
   * feed); returns them, one per recipient. Delivered again (after a crash, or an e-mail that failed),
   * it creates no second notification: only those not created yet, and it publishes only those.
   */
  async notify(event: NotifyingEvent, eventId: string, occurredAt: Date): Promise<NotificationEntity[]> {
    const proposal = await this.proposals.findUnchecked(event.proposalId);
    if (!proposal) return [];
    const suggestionId = event.type === 'proposal.status.changed' ? null : event.suggestionId;
    const followerIds = await this.follows.followersOf({
      proposalId: proposal.id,
      districtId: proposal.districtId,
      suggestionId,
      programId: event.type === 'adoption.recorded' ? event.programId : null,
    });
    const candidates = (await this.users.findByIds(followerIds.filter((id) => id !== event.actorId))).filter(
      (u): u is UserEntity => !!u && u.active,
    );
    const cleared = await this.whoSees(proposal.id, candidates);
    if (cleared.length === 0) return [];
    const payload = await this.payloadFor(event, proposal.title, suggestionId);
    const rows = cleared.map((user) =>
      this.notifications.create({
        id: randomUUID(),
        eventId,
        userId: user.id,
        kind: KIND_OF[event.type],
        proposalId: proposal.id,
        suggestionId,
        payload,
        createdAt: occurredAt,
        readAt: null,
        emailedAt: null,
      }),
    );
    await runTransaction(this.dataSource, async (manager) => {
      for (let i = 0; i < rows.length; i += 200) {
        await manager.createQueryBuilder().insert().into(NotificationEntity).values(rows.slice(i, i + 200)).orIgnore().execute();
      }
    });
    const created = new Set(rows.map((r) => r.id));
    const stored = await this.notifications.findBy({ eventId });
    const fresh = stored.filter((row) => created.has(row.id));
    await Promise.all(fresh.map((row) => this.pubsub.publish(notificationChannel(row.userId), NotificationModel.from(row))));
    await this.mailer.sendImmediate(
      stored.filter((row) => !row.emailedAt),
      new Map(cleared.map((u) => [u.id, u])),
    );
    return stored;
  }

  async list(actor: Actor, first: number, after?: string | null, unreadOnly?: boolean | null): Promise<Page<NotificationEntity>> {
    const size = validateInput(pageSizeSchema, first);
    const query = this.notifications.createQueryBuilder('n').where('n.userId = :userId', { userId: actor.userId });
    if (unreadOnly) query.andWhere('n.readAt IS NULL');
    const totalCount = await query.getCount();
    if (after) {
      const [createdAt, id] = decodeCursor(after, 2);
      if (typeof createdAt !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(createdAt))) {
        throw AppErrors.badInput('after', 'is not a valid cursor');
      }
      query.andWhere('(n.createdAt < :cursorAt OR (n.createdAt = :cursorAt AND n.id < :cursorId))', {
        cursorAt: new Date(createdAt as string),
        cursorId: id,
      });
    }
    const rows = await query.orderBy('n.createdAt', 'DESC').addOrderBy('n.id', 'DESC').limit(size + 1).getMany();
    const nodes = rows.slice(0, size);
    const last = nodes[nodes.length - 1];
    return {
      nodes,
      totalCount,
      pageInfo: { hasNextPage: rows.length > size, endCursor: last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null },
    };
  }

  unreadCount(actor: Actor): Promise<number> {
    return this.notifications.countBy({ userId: actor.userId, readAt: IsNull() });
  }

  /** Marks the caller's own notifications read (others' ids are ignored); returns the unread count after. */
  async markRead(actor: Actor, input: { ids?: string[] | null; all?: boolean | null }): Promise<number> {
    const ids = validateInput(z.array(z.string()).max(500, 'must list at most 500 notifications').nullish(), input.ids);
    if (input.all) {
      await this.notifications.update({ userId: actor.userId, readAt: IsNull() }, { readAt: new Date() });
    } else if (ids && ids.length > 0) {
      await this.notifications.update({ userId: actor.userId, id: In(ids), readAt: IsNull() }, { readAt: new Date() });
    }
    return this.unreadCount(actor);
  }

  private async whoSees(proposalId: string, users: UserEntity[]): Promise<UserEntity[]> {
    const sees = await Promise.all(users.map((user) => this.proposals.isVisibleTo(actorOf(user), proposalId)));
    return users.filter((_, i) => sees[i]);
  }

  private async payloadFor(event: NotifyingEvent, title: string, suggestionId: string | null): Promise<NotificationPayload> {
    const [actor] = event.actorId ? await this.users.findByIds([event.actorId]) : [null];
    const payload: NotificationPayload = { title, actorName: actor?.displayName ?? null };
    if (event.type === 'adoption.recorded') payload.to = event.status;
    else Object.assign(payload, { from: event.from, to: event.to });
    if (suggestionId) {
      const [suggestions] = await this.suggestions.byProposalIds([event.proposalId]);
      const suggestion = suggestions.find((s) => s.id === suggestionId);
      Object.assign(payload, { suggestionNumber: suggestion?.number ?? null, suggestionTitle: suggestion?.title ?? null });
    }
    return payload;
  }

  /** A new member follows the proposal; someone who left and can no longer see it loses its notifications. */
  private async membershipChanged(proposalId: string, userId: string): Promise<void> {
    await this.follows.followAsMember(proposalId, userId);
    const [user] = await this.users.findByIds([userId]);
    if (user && !(await this.proposals.isVisibleTo(actorOf(user), proposalId))) {
      await this.notifications.delete({ userId, proposalId });
    }
  }
}
