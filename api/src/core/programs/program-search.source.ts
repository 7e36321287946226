import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { SearchRegistry } from '../../search/search-registry';
import { SearchSource, idBatches } from '../../search/search-source';
import type { IndexDefinition, SearchDocument } from '../../search/search.port';
import { ProgramClauseEntity } from './program.entity';
import { CLAUSES_INDEX, ProgramsService } from './programs.service';

/** Program clauses in search. Programs are public documents: every signed-in person finds them. */
@Injectable()
export class ProgramClauseSearchSource implements SearchSource, OnModuleInit {
  readonly index: IndexDefinition = {
    name: CLAUSES_INDEX,
    textFields: [
      { name: 'text', weight: 2 },
      { name: 'program', weight: 1 },
    ],
    facetFields: ['program', 'kind'],
    snippetField: 'text',
  };

  constructor(
    @InjectRepository(ProgramClauseEntity) private readonly clauses: Repository<ProgramClauseEntity>,
    private readonly programs: ProgramsService,
    private readonly registry: SearchRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async documents(ids: string[]): Promise<SearchDocument[]> {
    if (ids.length === 0) return [];
    return (await this.programs.clausesForIndex(ids)).map(({ clause, program }) => ({
      id: clause.id,
      text: { text: clause.text, program: program.name },
      facets: { program: [program.id], kind: [clause.kind] },
      access: ['signedin'],
      date: program.createdAt.getTime(),
      payload: { programId: program.id, programName: program.name, number: clause.number, kind: clause.kind, title: `${clause.number}${clause.text}`.slice(0, 80) },
    }));
  }

  allIds(batchSize: number): AsyncIterable<string[]> {
    return idBatches(this.clauses, batchSize);
  }

  async accessTokens(): Promise<string[]> {
    return ['signedin'];
  }
}
