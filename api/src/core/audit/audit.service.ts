import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { z } from 'zod';
import { AppErrors } from '../../common/errors';
import { Actor } from '../../common/graphql-context';
import { Page, decodeCursor, encodeCursor, pageSizeSchema } from '../../common/pagination';
import { validateInput } from '../../common/validation';
import { OrganizationsService } from '../organizations/organizations.service';
import { AuditEntryEntity } from './audit.entity';
import { AuditLogFilter } from './audit.model';

export interface AuditEntryInput {
  actorId: string;
  action: string;
  entityType: string;
  entityId?: string | null;
  organizationId: string;
  details?: Record<string, unknown>;
}

const filterSchema = z.object({
  actorId: z.string().max(36).nullish(),
  action: z.string().trim().max(60, 'must be at most 60 characters').nullish(),
  entityId: z.string().max(36).nullish(),
  from: z.date().nullish(),
  to: z.date().nullish(),
});

/** Appends to the audit log and lets administrators browse the entries of their organisations. */
@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditEntryEntity) private readonly entries: Repository<AuditEntryEntity>,
    private readonly organizations: OrganizationsService,
  ) {}

  /** Appends entries, inside the caller's transaction when `manager` is given. */
  async record(entries: AuditEntryInput[], manager?: EntityManager): Promise<void> {
    if (entries.length === 0) return;
    const repository = manager ? manager.getRepository(AuditEntryEntity) : this.entries;
    const occurredAt = new Date();
    await repository.insert(
      entries.map((e) =>
        repository.create({
          actorId: e.actorId,
          action: e.action,
          entityType: e.entityType,
          entityId: e.entityId ?? null,
          organizationId: e.organizationId,
          details: JSON.stringify(e.details ?? {}),
          occurredAt,
        }),
      ),
    );
  }

  /** Newest first: the entries of the organisations the administrator manages. */
  async list(actor: Actor, first: number, after?: string | null, filter?: AuditLogFilter | null): Promise<Page<AuditEntryEntity>> {
    const size = validateInput(pageSizeSchema, first);
    const f = validateInput(filterSchema, filter ?? {});
    const orgIds = await this.organizations.subtreeIds(actor.organizationId);
    const query = this.entries.createQueryBuilder('a').where('a.organizationId IN (:...orgIds)', { orgIds });
    if (f.actorId) query.andWhere('a.actorId = :actorId', { actorId: f.actorId });
    if (f.action) query.andWhere('a.action = :action', { action: f.action });
    if (f.entityId) query.andWhere('a.entityId = :entityId', { entityId: f.entityId });
    if (f.from) query.andWhere('a.occurredAt >= :from', { from: f.from });
    if (f.to) query.andWhere('a.occurredAt <= :to', { to: f.to });
    const totalCount = await query.getCount();
    if (after) {
      const [at, id] = decodeCursor(after, 2);
      if (typeof at !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(at))) {
        throw AppErrors.badInput('after', 'is not a valid cursor');
      }
      query.andWhere('(a.occurredAt < :cursorAt OR (a.occurredAt = :cursorAt AND a.id < :cursorId))', {
        cursorAt: new Date(at),
        cursorId: id,
      });
    }
    const rows = await query
      .orderBy('a.occurredAt', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(size + 1)
      .getMany();
    const nodes = rows.slice(0, size);
    const last = nodes[nodes.length - 1];
    return {
      nodes,
      totalCount,
      pageInfo: { hasNextPage: rows.length > size, endCursor: last ? encodeCursor([last.occurredAt.toISOString(), last.id]) : null },
    };
  }
}
