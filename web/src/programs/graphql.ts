import { gql, type TypedDocumentNode } from '@apollo/client';
import type { SuggestionStatus } from '@jianyan/shared';

export type ClauseKind = 'area' | 'section' | 'goal' | 'measure';
export const CLAUSE_KINDS: readonly ClauseKind[] = ['area', 'section', 'goal', 'measure'];

export interface ProgramSummary {
  id: string;
  name: string;
  issuingBody: string;
  periodStart: number;
  periodEnd: number;
  promulgatedOn: string | null;
  sourceDocument: string | null;
  clauseCount: number;
  district: { id: string; name: string } | null;
}

export interface ClauseAdoption {
  id: string;
  suggestionId: string;
  proposalId: string;
  status: SuggestionStatus;
  decidedOn: string;
}

export interface ProgramClause {
  id: string;
  parentId: string | null;
  depth: number;
  kind: ClauseKind;
  number: string;
  text: string;
  adoptionCount: number;
  adoptions: ClauseAdoption[];
}

export interface ProgramDetail extends ProgramSummary {
  /** Whether the caller may correct (and delete) it. */
  canEdit: boolean;
  clauses: ProgramClause[];
}

export interface ProgramNode {
  depth: number;
  kind: ClauseKind;
  number: string;
  text: string;
  note?: string | null;
  responsibleUnits?: string | null;
  /** Decided by the node's place, not by heading words: the preview marks it for checking. */
  kindInferred?: boolean;
  /** Not printed as such (Word's automatic numbering, or a number running into a figure). */
  numberInferred?: boolean;
}

const SUMMARY_FIELDS = `id name issuingBody periodStart periodEnd promulgatedOn sourceDocument clauseCount district { id name }`;

export const PROGRAMS_QUERY: TypedDocumentNode<
  { programs: { totalCount: number; nodes: ProgramSummary[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } },
  { first?: number; after?: string | null }
> = gql`
  query Programs($first: Int, $after: String) {
    programs(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { ${SUMMARY_FIELDS} }
    }
  }
`;

export const PROGRAM_QUERY: TypedDocumentNode<{ program: ProgramDetail }, { id: string }> = gql`
  query Program($id: ID!) {
    program(id: $id) {
      ${SUMMARY_FIELDS}
      canEdit
      clauses { id parentId depth kind number text adoptionCount adoptions { id suggestionId proposalId status decidedOn } }
    }
  }
`;

/** Just the clause tree (for the clause picker of the adoption dialog). */
export const PROGRAM_CLAUSES_QUERY: TypedDocumentNode<
  { program: { id: string; clauses: Pick<ProgramClause, 'id' | 'depth' | 'kind' | 'number' | 'text'>[] } },
  { id: string }
> = gql`
  query ProgramClauses($id: ID!) {
    program(id: $id) { id clauses { id depth kind number text } }
  }
`;

export const IMPORT_PROGRAM_PREVIEW_MUTATION: TypedDocumentNode<
  { importProgramPreview: { suggestedName: string | null; nodes: ProgramNode[] } },
  { input: { text?: string | null; docxBase64?: string | null; pdfBase64?: string | null } }
> = gql`
  mutation ImportProgramPreview($input: ProgramImportInput!) {
    importProgramPreview(input: $input) {
      suggestedName
      nodes { depth kind number text note responsibleUnits kindInferred numberInferred }
    }
  }
`;

export interface CreateProgramInput {
  name: string;
  issuingBody: string;
  districtId: string | null;
  periodStart: number;
  periodEnd: number;
  promulgatedOn: string | null;
  sourceDocument: string | null;
  nodes: ProgramNode[];
  acceptWarnings?: boolean;
}

export const CREATE_PROGRAM_MUTATION: TypedDocumentNode<{ createProgram: { id: string; clauseCount: number } }, { input: CreateProgramInput }> = gql`
  mutation CreateProgram($input: CreateProgramInput!) {
    createProgram(input: $input) { id clauseCount }
  }
`;

export const DELETE_PROGRAM_MUTATION: TypedDocumentNode<{ deleteProgram: boolean }, { id: string }> = gql`
  mutation DeleteProgram($id: ID!) {
    deleteProgram(id: $id)
  }
`;

export interface UpdateProgramInput {
  id: string;
  name?: string;
  issuingBody?: string;
  districtId?: string | null;
  periodStart?: number;
  periodEnd?: number;
  promulgatedOn?: string | null;
  sourceDocument?: string | null;
}

/** Corrects a saved program's details; the normalised cache updates the page and the list. */
export const UPDATE_PROGRAM_MUTATION: TypedDocumentNode<{ updateProgram: ProgramSummary & { canEdit: boolean } }, { input: UpdateProgramInput }> = gql`
  mutation UpdateProgram($input: UpdateProgramInput!) {
    updateProgram(input: $input) { ${SUMMARY_FIELDS} canEdit }
  }
`;

export interface UpdateProgramClauseInput {
  id: string;
  number?: string;
  text?: string;
  kind?: ClauseKind;
}

export const UPDATE_PROGRAM_CLAUSE_MUTATION: TypedDocumentNode<
  { updateProgramClause: Pick<ProgramClause, 'id' | 'kind' | 'number' | 'text'> },
  { input: UpdateProgramClauseInput }
> = gql`
  mutation UpdateProgramClause($input: UpdateProgramClauseInput!) {
    updateProgramClause(input: $input) { id kind number text }
  }
`;
