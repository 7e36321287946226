import { Global, Injectable, Module } from '@nestjs/common';
import { Subject, Subscription, filter } from 'rxjs';

/** Events that other modules react to, so that no module calls into another's internals. */
export type DomainEvent =
  | { type: 'proposal.membership.changed'; proposalId: string; userId: string }
  | { type: 'proposal.status.changed'; proposalId: string; from: string; to: string; actorId?: string }
  | { type: 'suggestion.status.changed'; proposalId: string; suggestionId: string; from: string; to: string; actorId?: string }
  | {
      type: 'adoption.recorded';
      proposalId: string;
      suggestionId: string;
      adoptionId: string;
      status: string;
      actorId?: string;
      /** The program whose clause adopted the suggestion, so that followers of the program are told. */
      programId?: string | null;
    }
  /** Sessions that ended before their time: one (`sessionId`, a sign-out) or all of the user's. */
  | { type: 'sessions.revoked'; userId: string; sessionId?: string }
  | { type: 'adoption.deleted'; proposalId: string; suggestionId: string; adoptionId: string; status: string; actorId?: string; programId?: string | null };

type EventOf<T extends DomainEvent['type']> = Extract<DomainEvent, { type: T }>;

/** In-process event bus. With several API instances, a Redis-backed relay publishes into it. */
@Injectable()
export class DomainEvents {
  private readonly events = new Subject<DomainEvent>();

  emit(event: DomainEvent): void {
    this.events.next(event);
  }

  on<T extends DomainEvent['type']>(type: T, handler: (event: EventOf<T>) => void): Subscription {
    return this.events.pipe(filter((e): e is EventOf<T> => e.type === type)).subscribe(handler);
  }
}

@Global()
@Module({ providers: [DomainEvents], exports: [DomainEvents] })
export class DomainEventsModule {}
