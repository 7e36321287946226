import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { ClauseChain, ProgramsService } from '../programs/programs.service';
import { AdoptionEntity } from './adoption.entity';

/** One adoption record as plain facts, for summaries such as the leaders' dashboard. */
export interface AdoptionFact {
  adoptionId: string;
  suggestionId: string;
  proposalId: string;
  targetKind: string;
  clauseId: string | null;
  programId: string | null;
  status: string;
  /** YYYY-MM-DD */
  decidedOn: string;
  recordedAt: Date;
}

/**
 * Read-only access to adoption records for other modules. It returns facts without checking who
 * asks: callers restrict them to the proposals their caller may see (ProposalAccessService).
 */
@Injectable()
export class AdoptionQueryService {
  constructor(
    @InjectRepository(AdoptionEntity) private readonly adoptions: Repository<AdoptionEntity>,
    private readonly programs: ProgramsService,
  ) {}

  /** Every adoption record, oldest decision first. */
  async facts(): Promise<AdoptionFact[]> {
    const rows = await this.adoptions.find({ order: { decidedOn: 'ASC', createdAt: 'ASC', id: 'ASC' } });
    return rows.map(toFact);
  }

  /** The adoption records of these suggestions, oldest decision first. */
  async factsForSuggestions(suggestionIds: readonly string[]): Promise<AdoptionFact[]> {
    if (suggestionIds.length === 0) return [];
    const rows = await this.adoptions.find({
      where: { suggestionId: In([...suggestionIds]) },
      order: { decidedOn: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
    return rows.map(toFact);
  }

  /** The program and the clauses from its top-level area down to this clause; null when it does not exist. */
  clauseChain(clauseId: string): Promise<ClauseChain | null> {
    return this.programs.clauseChain(clauseId);
  }
}

function toFact(row: AdoptionEntity): AdoptionFact {
  return {
    adoptionId: row.id,
    suggestionId: row.suggestionId,
    proposalId: row.proposalId,
    targetKind: row.targetKind,
    clauseId: row.clauseId,
    programId: row.programId,
    status: row.status,
    decidedOn: row.decidedOn,
    recordedAt: row.createdAt,
  };
}
