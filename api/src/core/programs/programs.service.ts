import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { AppErrors } from '../../common/errors';
import { Actor } from '../../common/graphql-context';
import { Page, decodeCursor, encodeCursor, pageSizeSchema } from '../../common/pagination';
import { validateInput } from '../../common/validation';
import { runTransaction } from '../../database/transactions';
import { enqueueForIndexing } from '../../search/search-indexer';
import { ProgramAccess } from './program-access';
import { programStructureWarnings, type ProgramWarning } from '@jianyan/shared';
import { ProgramDocumentError, readProgramDocx } from './program-docx';
import { SourceLine } from './program-lines';
import { FlatNode, flattenNodes, parseProgramLines, parseProgramText } from './program-parser';
import { readProgramPdf } from './program-pdf';
import { ClauseKind, ProgramClauseEntity, ProgramEntity } from './program.entity';
import { ProgramClauseModel } from './program.model';
import { createProgramSchema, previewProgramSchema } from './program.validation';
import { z } from 'zod';

export const CLAUSES_INDEX = 'clauses';

export type NewProgram = z.input<typeof createProgramSchema>;

/** A clause with its program and the clauses above it, from the top-level area down. */
export interface ClauseChain {
  program: { id: string; name: string; issuingBody: string; promulgatedOn: string | null; sourceDocument: string | null };
  clauses: { id: string; kind: ClauseKind; number: string; text: string }[];
}

/** A clause that can take up a suggestion (a goal or a measure), with the program it belongs to. */
export interface MatchableClause {
  id: string;
  programId: string;
  programName: string;
  kind: ClauseKind;
  parentId: string | null;
  number: string;
  text: string;
  /** The area heading above it, e.g. 妇女与社会保障. */
  area: string | null;
}

/** Lets another module refuse a program's deletion (e.g. while adoption records point at it). */
export type ProgramDeletionCheck = (manager: EntityManager, programId: string) => Promise<void>;

/** Development programs: listing, the clause tree, import (preview and create) and deletion. */
@Injectable()
export class ProgramsService {
  private readonly deletionChecks: ProgramDeletionCheck[] = [];

  constructor(
    @InjectRepository(ProgramEntity) private readonly programs: Repository<ProgramEntity>,
    @InjectRepository(ProgramClauseEntity) private readonly clauses: Repository<ProgramClauseEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProgramAccess,
  ) {}

  onDelete(check: ProgramDeletionCheck): void {
    this.deletionChecks.push(check);
  }

  /** Programs by name, then id; every signed-in person may read them. */
  async list(first: number, after?: string | null): Promise<Page<ProgramEntity>> {
    validateInput(pageSizeSchema, first);
    const query = this.programs.createQueryBuilder('p').orderBy('p.name', 'ASC').addOrderBy('p.id', 'ASC');
    const totalCount = await query.getCount();
    if (after) {
      const [name, id] = decodeCursor(after, 2) as [string, string];
      query.andWhere('(p.name > :name OR (p.name = :name AND p.id > :id))', { name, id });
    }
    const rows = await query.take(first + 1).getMany();
    const nodes = rows.slice(0, first);
    const last = nodes[nodes.length - 1];
    return {
      nodes,
      totalCount,
      pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor([last.name, last.id]) : null },
    };
  }

  async get(id: string): Promise<ProgramEntity> {
    const program = await this.programs.findOneBy({ id });
    if (!program) throw AppErrors.notFound('Program');
    return program;
  }

  async findByIds(ids: readonly string[]): Promise<(ProgramEntity | null)[]> {
    const rows = await this.programs.findBy({ id: In([...ids]) });
    return ids.map((id) => rows.find((r) => r.id === id) ?? null);
  }

  /** Each program's clauses in tree pre-order with depths. */
  async treesOf(programIds: readonly string[]): Promise<ProgramClauseModel[][]> {
    const rows = await this.clauses.find({ where: { programId: In([...programIds]) }, order: { position: 'ASC', id: 'ASC' } });
    return programIds.map((id) => preOrder(rows.filter((r) => r.programId === id)));
  }

  async clauseCounts(programIds: readonly string[]): Promise<number[]> {
    const rows = await this.clauses
      .createQueryBuilder('c')
      .select('c.programId', 'programId')
      .addSelect('COUNT(*)', 'count')
      .where('c.programId IN (:...programIds)', { programIds })
      .groupBy('c.programId')
      .getRawMany<{ programId: string; count: string | number }>();
    return programIds.map((id) => Number(rows.find((r) => r.programId === id)?.count ?? 0));
  }

  /** `manager`: the caller's transaction, so as not to wait for a second pooled connection inside it. */
  async clausesByIds(ids: readonly string[], manager?: EntityManager): Promise<(ProgramClauseEntity | null)[]> {
    if (ids.length === 0) return [];
    const rows = await (manager?.getRepository(ProgramClauseEntity) ?? this.clauses).findBy({ id: In([...ids]) });
    return ids.map((id) => rows.find((r) => r.id === id) ?? null);
  }

  /** Clauses by id with their depth in the tree (0 for a top-level area): one query per level above them. */
  async clausesWithDepth(ids: readonly string[]): Promise<(ProgramClauseModel | null)[]> {
    const rows = await this.clausesByIds(ids);
    const parentOf = new Map<string, string | null>(rows.flatMap((r) => (r ? [[r.id, r.parentId] as const] : [])));
    let missing = [...new Set([...parentOf.values()].filter((id): id is string => !!id && !parentOf.has(id)))];
    while (missing.length > 0) {
      const parents = await this.clauses.find({ select: { id: true, parentId: true }, where: { id: In(missing) } });
      for (const p of parents) parentOf.set(p.id, p.parentId);
      missing = [...new Set(parents.flatMap((p) => (p.parentId && !parentOf.has(p.parentId) ? [p.parentId] : [])))];
    }
    const depthOf = (id: string): number => {
      let depth = 0;
      for (let p = parentOf.get(id); p && depth < 100; p = parentOf.get(p)) depth++;
      return depth;
    };
    return rows.map((row) => (row ? Object.assign(new ProgramClauseModel(), { ...row, depth: depthOf(row.id) }) : null));
  }

  /** Reads pasted text, a .docx or a PDF and recognises its tree, without saving anything. */
  async preview(
    input: z.input<typeof previewProgramSchema>,
  ): Promise<{ suggestedName: string | null; nodes: FlatNode[]; warnings: ProgramWarning[] }> {
    const data = validateInput(previewProgramSchema, input);
    const upload = data.docxBase64 ? 'docxBase64' : 'pdfBase64';
    const field = data.text ? 'text' : upload;
    const lines = data.text ? null : await documentLines(upload, data.docxBase64 ?? data.pdfBase64!);
    const firstLine = (lines ? lines.map((l) => l.text) : data.text!.split(/\r?\n/)).map((l) => l.trim()).find(Boolean) ?? '';
    const suggestedName = /纲要|规划|计划/.test(firstLine) && firstLine.length <= 60 && !/^[一二三四五六七八九十（(\d]/.test(firstLine) ? firstLine : null;
    const nodes = flattenNodes(lines ? parseProgramLines(lines) : parseProgramText(data.text!));
    if (nodes.length === 0) throw AppErrors.badInput(field, 'no headings or numbered clauses were recognised');
    return { suggestedName, nodes, warnings: programStructureWarnings(nodes) };
  }

  /** Saves a program with its (corrected) tree; administrators only, where they may manage it (ProgramAccess). */
  async create(actor: Actor, input: NewProgram): Promise<ProgramEntity> {
    const data = validateInput(createProgramSchema, input);
    await this.access.requirePlacement(actor, data.districtId);
    const warnings = programStructureWarnings(data.nodes);
    if (warnings.length > 0 && !data.acceptWarnings) throw AppErrors.programStructureDoubtful(warnings);
    return runTransaction(this.dataSource, async (manager) => {
      const { nodes, acceptWarnings: _accepted, ...fields } = data;
      const program = manager.create(ProgramEntity, {
        ...fields,
        districtId: fields.districtId ?? null,
        promulgatedOn: fields.promulgatedOn ?? null,
        sourceDocument: fields.sourceDocument || null,
        createdById: actor.userId,
        createdAt: new Date(),
      });
      await manager.insert(ProgramEntity, program);
      const rows = clauseRows(manager, program.id, nodes);
      for (let i = 0; i < rows.length; i += 200) await manager.insert(ProgramClauseEntity, rows.slice(i, i + 200));
      await enqueueForIndexing(manager, CLAUSES_INDEX, rows.map((r) => r.id));
      return program;
    });
  }

  /**
   * Deletes a program: only those who may manage it (ProgramAccess: administrators of the district or
   * the federation above it; a national or city program, administrators at the root of the federation that
   * imported it). Others get NOT_FOUND, as for an unknown id.
   */
  async delete(actor: Actor, id: string): Promise<void> {
    const program = await this.programs.findOneBy({ id });
    if (!program || !(await this.access.mayManage(actor, program))) throw AppErrors.notFound('Program');
    await runTransaction(this.dataSource, async (manager) => {
      const program = await manager.findOneBy(ProgramEntity, { id });
      if (!program) throw AppErrors.notFound('Program');
      for (const check of this.deletionChecks) await check(manager, id);
      const clauseIds = (await manager.find(ProgramClauseEntity, { select: { id: true }, where: { programId: id } })).map((c) => c.id);
      await manager.delete(ProgramClauseEntity, { programId: id });
      await manager.delete(ProgramEntity, { id });
      await enqueueForIndexing(manager, CLAUSES_INDEX, clauseIds);
    });
  }

  /** `manager`: the caller's transaction, so as not to wait for a second pooled connection inside it. */
  async clauseChain(clauseId: string, manager?: EntityManager): Promise<ClauseChain | null> {
    const clauses = manager?.getRepository(ProgramClauseEntity) ?? this.clauses;
    const programs = manager?.getRepository(ProgramEntity) ?? this.programs;
    const clause = await clauses.findOneBy({ id: clauseId });
    if (!clause) return null;
    const program = await programs.findOneBy({ id: clause.programId });
    const all = await clauses.findBy({ programId: clause.programId });
    const byId = new Map(all.map((c) => [c.id, c]));
    const chain: ProgramClauseEntity[] = [];
    for (let c: ProgramClauseEntity | undefined = clause; c; c = c.parentId ? byId.get(c.parentId) : undefined) chain.unshift(c);
    return {
      program: {
        id: program!.id,
        name: program!.name,
        issuingBody: program!.issuingBody,
        promulgatedOn: program!.promulgatedOn,
        sourceDocument: program!.sourceDocument,
      },
      clauses: chain.map(({ id, kind, number, text }) => ({ id, kind, number, text })),
    };
  }

  /** Goals and measures of one program, or of every program, with their area: what matching compares suggestions with. */
  async matchableClauses(programId?: string): Promise<MatchableClause[]> {
    const [programs, rows] = await Promise.all([
      programId ? this.programs.findBy({ id: programId }) : this.programs.find(),
      this.clauses.find({ where: programId ? { programId } : {}, order: { position: 'ASC', id: 'ASC' } }),
    ]);
    const names = new Map(programs.map((p) => [p.id, p.name]));
    const byId = new Map(rows.map((c) => [c.id, c]));
    const areaOf = (c: ProgramClauseEntity): string | null => {
      for (let p = c.parentId ? byId.get(c.parentId) : undefined; p; p = p.parentId ? byId.get(p.parentId) : undefined) {
        if (p.kind === 'area') return p.text;
      }
      return null;
    };
    return rows
      .filter((c) => c.kind === 'goal' || c.kind === 'measure')
      .map((c) => ({ id: c.id, programId: c.programId, programName: names.get(c.programId) ?? '', kind: c.kind, parentId: c.parentId, number: c.number, text: c.text, area: areaOf(c) }));
  }

  /** Clauses with their program, for the search index. */
  async clausesForIndex(ids: string[]): Promise<{ clause: ProgramClauseEntity; program: ProgramEntity }[]> {
    const rows = await this.clauses.findBy({ id: In(ids) });
    const programs = await this.programs.findBy({ id: In([...new Set(rows.map((r) => r.programId))]) });
    return rows.flatMap((clause) => {
      const program = programs.find((p) => p.id === clause.programId);
      return program ? [{ clause, program }] : [];
    });
  }
}

function clauseRows(manager: EntityManager, programId: string, nodes: Omit<FlatNode, 'kindInferred' | 'numberInferred'>[]): ProgramClauseEntity[] {
  const path: ProgramClauseEntity[] = [];
  const childCount = new Map<string | null, number>();
  return nodes.map((node) => {
    path.length = node.depth;
    const parentId = node.depth === 0 ? null : path[node.depth - 1].id;
    const position = childCount.get(parentId) ?? 0;
    childCount.set(parentId, position + 1);
    const row = manager.create(ProgramClauseEntity, {
      programId,
      parentId,
      position,
      kind: node.kind,
      number: node.number,
      text: node.text,
      note: node.note ?? null,
      responsibleUnits: node.responsibleUnits ?? null,
    });
    row.id = randomUUID();
    path.push(row);
    return row;
  });
}

function preOrder(rows: ProgramClauseEntity[]): ProgramClauseModel[] {
  const children = new Map<string | null, ProgramClauseEntity[]>();
  for (const row of rows) children.set(row.parentId, [...(children.get(row.parentId) ?? []), row]);
  const out: ProgramClauseModel[] = [];
  const visit = (parentId: string | null, depth: number) => {
    for (const row of children.get(parentId) ?? []) {
      out.push(Object.assign(new ProgramClauseModel(), { ...row, depth }));
      visit(row.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

const MAGIC: Record<'docxBase64' | 'pdfBase64', { bytes: string; name: string }> = {
  docxBase64: { bytes: 'PK', name: '.docx' },
  pdfBase64: { bytes: '%PDF-', name: 'PDF' },
};

/** The lines of an uploaded .docx (with Word's automatic numbering) or PDF (from its text layer). */
async function documentLines(field: 'docxBase64' | 'pdfBase64', base64: string): Promise<SourceLine[]> {
  const compact = base64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) throw AppErrors.badInput(field, 'must be base64-encoded');
  const buffer = Buffer.from(compact, 'base64');
  const magic = MAGIC[field];
  if (buffer.subarray(0, magic.bytes.length).toString('latin1') !== magic.bytes) throw AppErrors.badInput(field, `is not a ${magic.name} file`);
  try {
    return field === 'docxBase64' ? await readProgramDocx(buffer) : await readProgramPdf(buffer);
  } catch (error) {
    if (error instanceof ProgramDocumentError) throw AppErrors.badInput(field, error.message);
    throw AppErrors.badInput(field, `could not be read as a ${magic.name} file`);
  }
}
