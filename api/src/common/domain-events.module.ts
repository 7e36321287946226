import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DomainEvents } from './domain-events';
import { EventOutboxWorker } from './event-outbox';
import { EventOutboxEntity } from './event-outbox.entity';

/** The event bus and the outbox worker that delivers its durable events, for every module. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([EventOutboxEntity])],
  providers: [DomainEvents, EventOutboxWorker],
  exports: [DomainEvents, EventOutboxWorker],
})
export class DomainEventsModule {}
