import type { ClauseKind } from './program.entity';

/** A node recognised in a program's text. */
export interface ParsedNode {
  kind: ClauseKind;
  /** The number label as printed (一、 （一） 1. （1） ①), or '' for an unnumbered heading. */
  number: string;
  text: string;
  children: ParsedNode[];
}

/** A node in pre-order with its depth (0 = top level): the shape previews and imports exchange. */
export interface FlatNode {
  depth: number;
  kind: ClauseKind;
  number: string;
  text: string;
}

const CN = '[一二三四五六七八九十百零〇]+';
/** Numbering styles from the outermost to the innermost, as Chinese official documents use them. */
const NUMBERING: { level: number; pattern: RegExp }[] = [
  { level: 1, pattern: new RegExp(`^(${CN}、)\\s*(.*)$`) },
  { level: 2, pattern: new RegExp(`^([（(]${CN}[）)])\\s*[、.．]?\\s*(.*)$`) },
  { level: 4, pattern: /^([（(]\d{1,3}[）)])\s*[、.．]?\s*(.*)$/ },
  { level: 3, pattern: /^(\d{1,3}[.．、])(?!\d)\s*(.*)$/ },
  { level: 5, pattern: /^([①-⑳])\s*(.*)$/ },
];
/** Unnumbered headings that open a group of goals or measures ("主要目标：", "策略措施："). */
const SECTION_HEADING = /^(主要目标|策略措施|总体目标|基本原则|指导思想|发展目标|组织实施|监测评估)[：:]?\s*$/;
const SECTION_LEVEL = 2.5;
/** A heading that makes its parent a program area. */
const GROUP_HEADING = /^(主要目标|策略措施)/;
const GOAL_WORDS = /目标/;
const MEASURE_WORDS = /措施|举措|任务/;
const AREA_TEXT = /^(妇女|儿童|女性|未成年人)[^，。；]{0,14}$/;
const HEADING_MAX = 30;

interface Open {
  level: number;
  node: ParsedNode;
  /** An unnumbered paragraph: the next unnumbered line becomes its sibling. */
  paragraph?: boolean;
}

/**
 * Recognises a program's headings and numbered clauses (一、 / （一） / 1. / （1） / ①) as a tree.
 * Unnumbered lines continue the clause above them, except the usual group headings
 * (主要目标, 策略措施), which become sections. A leading title line (…纲要 / …规划) is skipped.
 * Pure: the caller decides what to do with the result (preview, correct, save).
 */
export function parseProgramText(text: string): ParsedNode[] {
  const roots: ParsedNode[] = [];
  const stack: Open[] = [];
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\u3000\s]+/g, ' ').trim())
    .filter(Boolean);
  let seenNode = false;
  for (const line of lines) {
    const numbered = matchNumber(line);
    const sectionHeading = !numbered && SECTION_HEADING.test(line);
    if (!numbered && !sectionHeading) {
      const current = stack[stack.length - 1];
      if (!seenNode && /纲要|规划|计划/.test(line) && line.length <= 60) continue;
      if (current && !current.paragraph && !isHeadingLike(current)) current.node.text += `\n${line}`;
      else {
        const level = current ? (current.paragraph ? current.level : current.level + 1) : 1;
        place(roots, stack, { level, node: node('section', '', line), paragraph: true });
      }
      seenNode = true;
      continue;
    }
    seenNode = true;
    if (sectionHeading) {
      place(roots, stack, { level: SECTION_LEVEL, node: node('section', '', line.replace(/[：:]\s*$/, '')) });
    } else {
      place(roots, stack, { level: numbered!.level, node: node('measure', numbered!.number, numbered!.text) });
    }
  }
  for (const root of roots) assignKinds(root, null);
  return roots;
}

/** The tree in pre-order with depths. */
export function flattenNodes(nodes: ParsedNode[], depth = 0): FlatNode[] {
  return nodes.flatMap((n) => [{ depth, kind: n.kind, number: n.number, text: n.text }, ...flattenNodes(n.children, depth + 1)]);
}

/** Rebuilds the tree from pre-order nodes with depths (depths already validated). */
export function nestNodes(flat: FlatNode[]): ParsedNode[] {
  const roots: ParsedNode[] = [];
  const path: ParsedNode[] = [];
  for (const item of flat) {
    const current = node(item.kind, item.number, item.text);
    path.length = item.depth;
    (item.depth === 0 ? roots : path[item.depth - 1].children).push(current);
    path.push(current);
  }
  return roots;
}

function node(kind: ClauseKind, number: string, text: string): ParsedNode {
  return { kind, number, text, children: [] };
}

function matchNumber(line: string): { level: number; number: string; text: string } | null {
  for (const { level, pattern } of NUMBERING) {
    const match = pattern.exec(line);
    if (match) return { level, number: match[1], text: match[2].trim() };
  }
  return null;
}

function place(roots: ParsedNode[], stack: Open[], open: Open): void {
  while (stack.length > 0 && stack[stack.length - 1].level >= open.level) stack.pop();
  const parent = stack[stack.length - 1];
  (parent ? parent.node.children : roots).push(open.node);
  stack.push(open);
}

/** Whether an unnumbered line below this node starts a new paragraph node rather than continuing it. */
function isHeadingLike({ level, node: n }: Open): boolean {
  if (n.children.length > 0 || n.number === '') return true;
  return level <= 2 && n.text.length <= HEADING_MAX && !/[。；;]$/.test(n.text);
}

/** Areas, sections, goals and measures, from the text and the place in the tree. */
function assignKinds(n: ParsedNode, group: 'goal' | 'measure' | null): void {
  const heading = n.text.length <= HEADING_MAX && !/[。；;]$/.test(n.text);
  const ownGroup = heading && GOAL_WORDS.test(n.text) ? 'goal' : heading && MEASURE_WORDS.test(n.text) ? 'measure' : null;
  if (n.children.length === 0) {
    n.kind = n.number === '' && (ownGroup || !group) ? 'section' : (group ?? 'measure');
  } else if (ownGroup || SECTION_HEADING.test(n.text)) {
    n.kind = 'section';
  } else if (AREA_TEXT.test(n.text) || n.children.some((c) => GROUP_HEADING.test(c.text))) {
    n.kind = 'area';
  } else {
    n.kind = heading ? 'section' : (group ?? 'measure');
  }
  for (const child of n.children) assignKinds(child, ownGroup ?? group);
}
