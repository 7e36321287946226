import {
  AREA_TITLE,
  HeadingRole,
  NUMBERING_STYLES,
  RESPONSIBLE_UNITS_LINE,
  RESPONSIBLE_UNITS_TRAILER,
  headingRole,
  numberValue,
} from '@jianyan/shared';
import type { ClauseKind } from './program.entity';
import { PreparedLine, SourceLine, foldToSimplified, isTitleLine, prepareLines } from './program-lines';

/** A node recognised in a program's text. */
export interface ParsedNode {
  kind: ClauseKind;
  /** The number label as printed (一、 （一） 1. （1） ①), or '' for an unnumbered heading. */
  number: string;
  text: string;
  /** Unnumbered text under a heading before its first item (a preamble). */
  note: string | null;
  /** 责任单位 of a measure. */
  responsibleUnits: string | null;
  /** The kind follows from the node's place and shape, not from heading words: check it. */
  kindInferred: boolean;
  /** The number was not printed in the text (Word's automatic numbering) or was told from a figure by its sequence. */
  numberInferred: boolean;
  children: ParsedNode[];
}

/** A node in pre-order with its depth (0 = top level): the shape previews and imports exchange. */
export type FlatNode = Omit<ParsedNode, 'children'> & { depth: number };

/** Unnumbered group headings sit between the numbered levels around them; the areas part above all. */
const UNNUMBERED_LEVEL: Record<HeadingRole, number> = { goals: 2.5, measures: 2.5, areas: 0.5, section: 0.5 };
const TITLE_MAX = 30;
/** A number running into a figure: 8.0-6个月 is clause 8 when 7 came before, and 1.5万 continues a sentence otherwise. */
const NUMBER_BEFORE_DIGIT = /^([0-9０-９]{1,3}[.．﹒])(?=[0-9０-９])/;
const SENTENCE_END = /[。！？；：!?;:]$/;

interface Open {
  level: number;
  node: ParsedNode;
  role: HeadingRole | null;
  /** Unnumbered lines below it are its note rather than the rest of its text. */
  heading: boolean;
}

/**
 * Recognises a program's headings and clauses as a tree, in every layout governments publish
 * (numbering and heading words: shared/src/program-layout.ts). Unnumbered lines continue the clause
 * above (PDF line breaks) or, under a heading, become its note; 责任单位 lines become the measure's
 * responsible units. Pure: the caller decides what to do with the result (preview, correct, save).
 */
export function parseProgramText(text: string): ParsedNode[] {
  return parseProgramLines(text.replace(/\r\n?/g, '\n').split(/[\n\f\v\u2028\u2029]/).map((line) => ({ text: line })));
}

export function parseProgramLines(source: SourceLine[]): ParsedNode[] {
  const roots: ParsedNode[] = [];
  const stack: Open[] = [];
  let seenNode = false;
  /** A title broken over lines (PDF): its lines before the first heading are skipped together. */
  let inTitle = false;
  for (const line of prepareLines(source)) {
    const top = stack[stack.length - 1];
    const units = RESPONSIBLE_UNITS_LINE.exec(line.folded);
    if (units && top) {
      const start = line.folded.indexOf(units[1]);
      top.node.responsibleUnits = [top.node.responsibleUnits, line.text.slice(start, start + units[1].length)].filter(Boolean).join('、');
      continue;
    }
    const numbered = matchNumber(line, stack);
    if (numbered) {
      const role = headingRole(numbered.folded);
      const n = node(numbered.number, numbered.text, numbered.inferred);
      place(roots, stack, { level: numbered.level, node: n, role, heading: !!role || (numbered.level <= 2 && isTitle(numbered.folded)) });
    } else {
      const role = headingRole(line.folded);
      if (role) {
        const heading = node('', line.text.replace(/[\s。.．：:]+$/, ''), false);
        place(roots, stack, { level: UNNUMBERED_LEVEL[role], node: heading, role, heading: true });
      } else if (!seenNode && (isTitleLine(line.folded) || (inTitle && isTitle(line.folded)))) {
        inTitle = true;
        continue;
      } else if (top && top.heading) {
        top.node.note = joinLines(top.node.note ?? '', line.text);
      } else if (top) {
        top.node.text = joinLines(top.node.text, line.text);
      } else {
        place(roots, stack, { level: 0.5, node: node('', line.text, false), role: null, heading: false });
      }
    }
    seenNode = true;
  }
  for (const root of roots) assignKinds(root, null, null);
  return roots;
}

/** The tree in pre-order with depths. */
export function flattenNodes(nodes: ParsedNode[], depth = 0): FlatNode[] {
  return nodes.flatMap(({ children, ...n }) => [{ depth, ...n }, ...flattenNodes(children, depth + 1)]);
}

/** Rebuilds the tree from pre-order nodes with depths (depths already validated). */
export function nestNodes(flat: FlatNode[]): ParsedNode[] {
  const roots: ParsedNode[] = [];
  const path: ParsedNode[] = [];
  for (const { depth, ...item } of flat) {
    const current = { ...item, children: [] };
    path.length = depth;
    (depth === 0 ? roots : path[depth - 1].children).push(current);
    path.push(current);
  }
  return roots;
}

function node(number: string, text: string, numberInferred: boolean): ParsedNode {
  return { kind: 'measure', number, text, note: null, responsibleUnits: null, kindInferred: false, numberInferred, children: [] };
}

/** PDF line breaks fall anywhere: a line is glued to the one above unless that one ended a sentence. */
function joinLines(above: string, line: string): string {
  if (!above) return line;
  return SENTENCE_END.test(above) ? `${above}\n${line}` : `${above}${line}`;
}

function isTitle(folded: string): boolean {
  const body = folded.replace(/[。.]$/, '');
  return body.length <= TITLE_MAX && !/[，。；;,]/.test(body);
}

interface Numbered {
  level: number;
  number: string;
  text: string;
  folded: string;
  inferred: boolean;
}

function matchNumber(line: PreparedLine, stack: Open[]): Numbered | null {
  if (line.listNumber) {
    const style = NUMBERING_STYLES.find((s) => s.pattern.test(line.listNumber!));
    return { level: style?.level ?? 3, number: line.listNumber, text: line.text, folded: line.folded, inferred: true };
  }
  const beforeDigit = NUMBER_BEFORE_DIGIT.exec(line.folded);
  if (beforeDigit) {
    const previous = [...stack].reverse().find((o) => o.level === 3);
    const expected = previous && previous.node.number ? (numberValue(previous.node.number) ?? 0) + 1 : 1;
    const startsList = !previous && stack.length > 0 && stack[stack.length - 1].heading;
    if (numberValue(beforeDigit[1]) !== expected || (!previous && !startsList)) return null;
    const length = beforeDigit[1].length;
    return { level: 3, number: line.text.slice(0, length), text: line.text.slice(length).trim(), folded: line.folded.slice(length).trim(), inferred: true };
  }
  for (const { level, pattern } of NUMBERING_STYLES) {
    const match = pattern.exec(line.folded);
    if (!match) continue;
    const length = match[0].length;
    return { level, number: line.text.slice(0, match[1].length), text: line.text.slice(length).trim(), folded: line.folded.slice(length).trim(), inferred: false };
  }
  return null;
}

function place(roots: ParsedNode[], stack: Open[], open: Open): void {
  while (stack.length > 0 && stack[stack.length - 1].level >= open.level) stack.pop();
  const parent = stack[stack.length - 1];
  (parent ? parent.node.children : roots).push(open.node);
  stack.push(open);
}

type Group = 'goal' | 'measure' | null;

/** Areas, sections, goals and measures: from a heading's own words first, then from the place in the tree. */
function assignKinds(n: ParsedNode, group: Group, parentRole: HeadingRole | null): void {
  const folded = foldedText(n);
  const role = headingRole(folded);
  const trailer = RESPONSIBLE_UNITS_TRAILER.exec(n.text);
  if (trailer) {
    n.responsibleUnits = [n.responsibleUnits, trailer[1].trim()].filter(Boolean).join('、');
    n.text = n.text.slice(0, trailer.index).trim();
  }
  const childRoles = n.children.map((c) => headingRole(foldedText(c)));
  let childGroup: Group = group;
  if (role) {
    n.kind = 'section';
    childGroup = role === 'goals' ? 'goal' : role === 'measures' ? 'measure' : null;
  } else if (parentRole === 'areas' || childRoles.some((r) => r === 'goals' || r === 'measures') || (AREA_TITLE.test(stripStop(folded)) && !group)) {
    n.kind = 'area';
    childGroup = null;
  } else if (group) {
    n.kind = group;
  } else {
    n.kind = n.children.length > 0 || n.number === '' || (isTitle(folded) && isOuterNumber(n.number)) ? 'section' : 'measure';
    n.kindInferred = true;
  }
  if ((role || n.kind === 'area') && isTitle(folded)) n.text = stripStop(n.text);
  for (const child of n.children) assignKinds(child, childGroup, role);
}

function foldedText(n: ParsedNode): string {
  return foldToSimplified(n.text.split('\n')[0]);
}

function stripStop(text: string): string {
  return text.replace(/[。.]$/, '');
}

function isOuterNumber(number: string): boolean {
  return NUMBERING_STYLES.some((s) => s.level <= 2 && s.pattern.test(number));
}
