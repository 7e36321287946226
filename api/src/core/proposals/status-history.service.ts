import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { StatusEntityType, StatusEventEntity } from './status-event.entity';

export interface NewStatusEvent {
  entityType: StatusEntityType;
  entityId: string;
  proposalId: string;
  fromStatus: string | null;
  toStatus: string;
  actorId: string;
  note?: string | null;
  source?: string | null;
  effectiveOn?: string | null;
}

/**
 * The append-only status history. This service only inserts and reads: nothing updates or
 * deletes an event. Events get strictly increasing times within the process, so changes made
 * in one operation (a submission and its suggestions) keep their order.
 */
@Injectable()
export class StatusHistoryService {
  private lastOccurredAt = 0;

  constructor(
    @InjectRepository(StatusEventEntity) private readonly events: Repository<StatusEventEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async append(manager: EntityManager, events: NewStatusEvent[]): Promise<StatusEventEntity[]> {
    if (events.length === 0) return [];
    const rows = events.map((event) =>
      manager.create(StatusEventEntity, { note: null, source: null, effectiveOn: null, ...event, occurredAt: this.nextTime() }),
    );
    await manager.insert(StatusEventEntity, rows);
    return rows;
  }

  /** Every event of each proposal (its workflow and its suggestions), oldest first. */
  async timelines(proposalIds: readonly string[]): Promise<StatusEventEntity[][]> {
    const rows = await this.events.find({
      where: { proposalId: In([...proposalIds]) },
      order: { occurredAt: 'ASC', id: 'ASC' },
    });
    return proposalIds.map((id) => rows.filter((row) => row.proposalId === id));
  }

  /** Every event of each suggestion, oldest first. */
  async suggestionHistories(suggestionIds: readonly string[]): Promise<StatusEventEntity[][]> {
    const rows = await this.events.find({
      where: { entityType: 'suggestion', entityId: In([...suggestionIds]) },
      order: { occurredAt: 'ASC', id: 'ASC' },
    });
    return suggestionIds.map((id) => rows.filter((row) => row.entityId === id));
  }

  /** The latest workflow event of each proposal, in one query whatever the number of proposals. */
  async lastProposalEvents(proposalIds: readonly string[]): Promise<(StatusEventEntity | null)[]> {
    const q = (name: string) => this.dataSource.driver.escape(name);
    const latest =
      `(SELECT MAX(${q('l')}.${q('occurredAt')}) FROM ${q('status_events')} ${q('l')} ` +
      `WHERE ${q('l')}.${q('entityType')} = 'proposal' AND ${q('l')}.${q('entityId')} = e.entityId)`;
    const rows = await this.events
      .createQueryBuilder('e')
      .where("e.entityType = 'proposal'")
      .andWhere('e.entityId IN (:...proposalIds)', { proposalIds })
      .andWhere(`e.occurredAt = ${latest}`)
      .orderBy('e.id', 'ASC')
      .getMany();
    const byProposal = new Map<string, StatusEventEntity>();
    for (const row of rows) byProposal.set(row.entityId, row);
    return proposalIds.map((id) => byProposal.get(id) ?? null);
  }

  private nextTime(): Date {
    this.lastOccurredAt = Math.max(Date.now(), this.lastOccurredAt + 1);
    return new Date(this.lastOccurredAt);
  }
}
