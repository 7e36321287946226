import { headingRole, numberValue, numberingStyle } from './program-layout';

export type ProgramNodeKind = 'area' | 'section' | 'goal' | 'measure';

/** A node of a program's tree in pre-order with its depth: what previews and imports exchange. */
export interface ProgramNodeShape {
  depth: number;
  kind: ProgramNodeKind;
  number: string;
  text: string;
}

/**
 * Doubtful structure an admin should look at before a program is saved. `index` is the node's row
 * in pre-order; `expected` the kind or number the layout suggests.
 */
export const PROGRAM_WARNING_CODES = {
  /** A goal under 策略措施, or a measure under 主要目标. */
  kindAgainstHeading: 'KIND_AGAINST_HEADING',
  /** A clause whose whole text is a heading word (主要目标): a heading read as a clause. */
  headingAsClause: 'HEADING_AS_CLAUSE',
  /** Two siblings with the same number. */
  duplicateNumber: 'DUPLICATE_NUMBER',
  /** A number that does not follow its sibling (1, 2, 4). */
  numberGap: 'NUMBER_GAP',
} as const;
export type ProgramWarningCode = (typeof PROGRAM_WARNING_CODES)[keyof typeof PROGRAM_WARNING_CODES];

export interface ProgramWarning {
  code: ProgramWarningCode;
  index: number;
  number: string;
  expected: string | null;
}

/** The warnings of a tree (depths already valid), in row order. */
export function programStructureWarnings(nodes: ProgramNodeShape[]): ProgramWarning[] {
  const warnings: ProgramWarning[] = [];
  const warn = (code: ProgramWarningCode, index: number, expected: string | null = null) =>
    warnings.push({ code, index, number: nodes[index].number, expected });
  const path: number[] = [];
  const lastSibling = new Map<string, number>();
  nodes.forEach((node, i) => {
    path.length = node.depth;
    const parentKey = node.depth === 0 ? 'root' : String(path[node.depth - 1]);
    const clause = node.kind === 'goal' || node.kind === 'measure';
    const role = headingRole(node.text);
    if (clause && role && role !== 'section') warn(PROGRAM_WARNING_CODES.headingAsClause, i, 'section');
    if (clause) {
      const group = path.map((p) => headingRole(nodes[p].text)).reverse().find((r) => r === 'goals' || r === 'measures');
      const expected = group === 'goals' ? 'goal' : group === 'measures' ? 'measure' : null;
      if (expected && expected !== node.kind) warn(PROGRAM_WARNING_CODES.kindAgainstHeading, i, expected);
    }
    const style = numberingStyle(node.number);
    const value = numberValue(node.number);
    if (style && value !== null) {
      const key = `${parentKey}:${style}`;
      const previous = lastSibling.get(key);
      if (previous === value) warn(PROGRAM_WARNING_CODES.duplicateNumber, i);
      else if (previous !== undefined && value !== previous + 1) warn(PROGRAM_WARNING_CODES.numberGap, i, String(previous + 1));
      lastSibling.set(key, value);
    }
    path.push(i);
  });
  return warnings;
}

/** Goal and measure counts under each area, in order: what the preview asks the admin to check first. */
export function areaClauseCounts(nodes: ProgramNodeShape[]): { index: number; text: string; goals: number; measures: number }[] {
  return nodes.flatMap((node, i) => {
    if (node.kind !== 'area') return [];
    let goals = 0;
    let measures = 0;
    for (let j = i + 1; j < nodes.length && nodes[j].depth > node.depth; j++) {
      if (nodes[j].kind === 'goal') goals++;
      if (nodes[j].kind === 'measure') measures++;
    }
    return [{ index: i, text: node.text, goals, measures }];
  });
}
