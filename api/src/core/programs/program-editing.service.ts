import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { z } from 'zod';
import { AppErrors } from '../../common/errors';
import { Actor } from '../../common/graphql-context';
import { validateInput } from '../../common/validation';
import { runTransaction } from '../../database/transactions';
import { enqueueForIndexing } from '../../search/search-indexer';
import { AuditService } from '../audit/audit.service';
import { ProgramAccess } from './program-access';
import { ClauseKind, ProgramClauseEntity, ProgramEntity } from './program.entity';
import { updateProgramClauseSchema, updateProgramSchema } from './program.validation';
import { CLAUSES_INDEX } from './programs.service';

/** Audit log actions of program corrections (details: the changed fields, each with from and to). */
export const PROGRAM_AUDIT_ACTIONS = {
  updated: 'program.updated',
  clauseUpdated: 'program.clause_updated',
} as const;

/** As sent: null where the schema does not allow it (e.g. a name) is refused by validation. */
export type ProgramChanges = { [K in keyof z.input<typeof updateProgramSchema>]: z.input<typeof updateProgramSchema>[K] | null };
export type ClauseChanges = { [K in keyof z.input<typeof updateProgramClauseSchema>]: z.input<typeof updateProgramClauseSchema>[K] | null };

const HEADINGS: readonly ClauseKind[] = ['area', 'section'];

/**
 * Corrections of a saved program: its details and the number, text or kind of one node (the tree's
 * shape stays). Who may: ProgramAccess, as for deletion. Adoption records keep the text they quoted;
 * edited clauses are re-indexed for search, and matching reads the clauses as they are now.
 */
@Injectable()
export class ProgramEditingService {
  constructor(
    @InjectRepository(ProgramEntity) private readonly programs: Repository<ProgramEntity>,
    @InjectRepository(ProgramClauseEntity) private readonly clauses: Repository<ProgramClauseEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProgramAccess,
    private readonly audit: AuditService,
  ) {}

  async updateDetails(actor: Actor, input: ProgramChanges): Promise<ProgramEntity> {
    const { id, ...given } = validateInput(updateProgramSchema, input);
    const stored = await this.programs.findOneBy({ id });
    if (!stored) throw AppErrors.notFound('Program');
    await this.requireManager(actor, stored);
    const changes = changedFields(stored, given);
    const next = { ...stored, ...changes };
    if (next.periodEnd < next.periodStart) {
      throw 'periodEnd' in changes || !('periodStart' in changes)
        ? AppErrors.badInput('periodEnd', 'must not be before periodStart')
        : AppErrors.badInput('periodStart', 'must not be after periodEnd');
    }
    if ('districtId' in changes) await this.access.requirePlacement(actor, changes.districtId);
    if (Object.keys(changes).length === 0) return stored;
    return runTransaction(this.dataSource, async (manager) => {
      const program = await manager.findOneBy(ProgramEntity, { id });
      if (!program) throw AppErrors.notFound('Program');
      await manager.update(ProgramEntity, { id }, changes);
      Object.assign(program, changes);
      await this.audit.record(
        [
          {
            actorId: actor.userId,
            action: PROGRAM_AUDIT_ACTIONS.updated,
            entityType: 'program',
            entityId: id,
            organizationId: program.districtId ?? actor.organizationId,
            details: { changes: describeChanges(stored, changes) },
          },
        ],
        manager,
      );
      // every clause's search document carries the program's name
      if ('name' in changes) {
        const clauseIds = (await manager.find(ProgramClauseEntity, { select: { id: true }, where: { programId: id } })).map((c) => c.id);
        await enqueueForIndexing(manager, CLAUSES_INDEX, clauseIds);
      }
      return program;
    });
  }

  async updateClause(actor: Actor, input: ClauseChanges): Promise<ProgramClauseEntity> {
    const { id, ...given } = validateInput(updateProgramClauseSchema, input);
    const stored = await this.clauses.findOneBy({ id });
    const program = stored ? await this.programs.findOneBy({ id: stored.programId }) : null;
    if (!stored || !program) throw AppErrors.notFound('Clause');
    await this.requireManager(actor, program);
    const changes = changedFields(stored, given);
    // adoption records and matching only concern goals and measures: one of them stays one
    if (changes.kind && !HEADINGS.includes(stored.kind) && HEADINGS.includes(changes.kind)) {
      throw AppErrors.badInput('kind', 'a goal or measure cannot become a heading');
    }
    if (Object.keys(changes).length === 0) return stored;
    return runTransaction(this.dataSource, async (manager) => {
      const clause = await manager.findOneBy(ProgramClauseEntity, { id });
      if (!clause) throw AppErrors.notFound('Clause');
      await manager.update(ProgramClauseEntity, { id }, changes);
      Object.assign(clause, changes);
      await this.audit.record(
        [
          {
            actorId: actor.userId,
            action: PROGRAM_AUDIT_ACTIONS.clauseUpdated,
            entityType: 'program_clause',
            entityId: id,
            organizationId: program.districtId ?? actor.organizationId,
            details: { programId: program.id, changes: describeChanges(stored, changes) },
          },
        ],
        manager,
      );
      await enqueueForIndexing(manager, CLAUSES_INDEX, [id]);
      return clause;
    });
  }

  private async requireManager(actor: Actor, program: ProgramEntity): Promise<void> {
    if (!(await this.access.mayManage(actor, program))) {
      throw AppErrors.forbidden('Only administrators of the program’s federation may correct it (national or city programs: at the federation’s root)');
    }
  }
}

/** The given values that differ from the stored ones (undefined: not given). */
function changedFields<T extends object>(stored: T, given: Partial<T>): Partial<T> {
  return Object.fromEntries(
    Object.entries(given).filter(([key, value]) => value !== undefined && value !== stored[key as keyof T]),
  ) as Partial<T>;
}

function describeChanges<T extends object>(stored: T, changes: Partial<T>): Record<string, { from: unknown; to: unknown }> {
  return Object.fromEntries(Object.entries(changes).map(([key, to]) => [key, { from: stored[key as keyof T], to }]));
}
