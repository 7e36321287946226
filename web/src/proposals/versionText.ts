import { diffText, type DiffSegment } from '@jianyan/shared';

/** What a version (or the proposal as it is now) contributes to a comparison. */
export interface ComparableContent {
  /** Plain text of the collaborative body; null when it had never been written. */
  bodyText: string | null;
  suggestions: readonly { number: number; title: string; text: string }[];
}

export type ComparisonSource = 'body' | 'suggestions';

/** The paragraphs of a plain text (one per line), without the empty ones. */
export function paragraphsOf(text: string | null | undefined): string[] {
  return (text ?? '')
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '');
}

/** One line per suggestion, in order: `1. 标题：内容` (the text is left out when empty). */
export function suggestionsText(suggestions: ComparableContent['suggestions']): string {
  return [...suggestions]
    .sort((a, b) => a.number - b.number)
    .map((s) => `${s.number}. ${s.title}${s.text.trim() ? `：${s.text.trim()}` : ''}`)
    .join('\n');
}

/**
 * The two texts to compare, and what they are.
 *
 * The body text is compared when both sides have one. Without the collaborative editor, a body is
 * recorded only once someone has written in it, while every version still records the title,
 * summary and numbered suggestions. So when either side has no body, both sides are compared as a
 * text built from their numbered suggestions (title and text, one suggestion per line): comparing
 * a body with no body would show everything as changed, and the suggestions are the unit whose
 * wording matters most. The dialog says which of the two is being compared.
 */
export function comparableTexts(
  before: ComparableContent,
  after: ComparableContent,
): { source: ComparisonSource; before: string; after: string } {
  if (before.bodyText !== null && after.bodyText !== null) {
    return { source: 'body', before: before.bodyText, after: after.bodyText };
  }
  return { source: 'suggestions', before: suggestionsText(before.suggestions), after: suggestionsText(after.suggestions) };
}

/** A run of text within one line of the diff. */
export interface DiffPiece {
  kind: DiffSegment['kind'];
  text: string;
}

/** A paragraph of the diff: unchanged, wholly inserted or deleted, or changed in part (`mixed`). */
export interface DiffLine {
  pieces: DiffPiece[];
  kind: DiffSegment['kind'] | 'mixed';
}

/** Splits diff segments at line breaks, so that paragraphs are shown as paragraphs. */
export function diffLines(segments: readonly DiffSegment[]): DiffLine[] {
  const lines: DiffPiece[][] = [[]];
  for (const segment of segments) {
    segment.text.split('\n').forEach((part, index) => {
      if (index > 0) lines.push([]);
      if (part) lines[lines.length - 1].push({ kind: segment.kind, text: part });
    });
  }
  return lines
    .filter((pieces) => pieces.length > 0)
    .map((pieces) => {
      const kinds = new Set(pieces.map((p) => p.kind));
      return { pieces, kind: kinds.size === 1 ? pieces[0].kind : 'mixed' };
    });
}

/** How many characters (not counting line breaks) were inserted and deleted. */
export function diffStats(segments: readonly DiffSegment[]): { inserted: number; deleted: number } {
  const count = (kind: DiffSegment['kind']) =>
    segments.filter((s) => s.kind === kind).reduce((sum, s) => sum + [...s.text.replace(/\n/g, '')].length, 0);
  return { inserted: count('insert'), deleted: count('delete') };
}

export function compareContents(before: ComparableContent, after: ComparableContent) {
  const texts = comparableTexts(before, after);
  const segments = diffText(texts.before, texts.after);
  return { source: texts.source, segments, lines: diffLines(segments), stats: diffStats(segments) };
}
