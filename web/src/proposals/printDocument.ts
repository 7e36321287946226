import { suggestionLead, todayInChina } from '@jianyan/shared';
import type { ProposalDetail } from '../graphql/types';
import { paragraphsOf } from './versionText';

/** A block of the formal document: a heading, a body paragraph, or a numbered suggestion's paragraph. */
export type PrintBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  /**
   * `number` is set on the first paragraph of a suggestion, left out on the ones that follow; `lead`
   * is what that first paragraph begins with (number and title, as in the Word export).
   */
  | { kind: 'suggestion'; number?: number; lead?: { number: string; title: string }; text: string };

type SuggestionRow = Pick<ProposalDetail['suggestions'][number], 'number' | 'title' | 'text'>;

const suggestionParagraph = (s: SuggestionRow, text: string, first: boolean): PrintBlock =>
  first ? { kind: 'suggestion', number: s.number, lead: suggestionLead(s.number, s.title, text), text } : { kind: 'suggestion', text };

const ENDS_LIKE_A_SENTENCE = /[。；;！!？?：:，,、.…）)”"」]$/;
const HEADING_MAX_LENGTH = 20;

/**
 * The body of the formal document, laid out like the Word export (api/src/export/proposal-docx.ts).
 *
 * With a body text (one paragraph per line), its paragraphs in order; the paragraphs that are a
 * suggestion's text (the editor keeps each suggestion's row in step with its block) get the
 * suggestion's number, and a short line without closing punctuation just before them (such as
 * the 建议 heading) is set as a heading. Without one, the summary's paragraphs and then the
 * numbered suggestions (their text, or their title when they have none).
 */
export function printBlocks(proposal: Pick<ProposalDetail, 'bodyText' | 'summary' | 'suggestions'>): PrintBlock[] {
  const suggestions = [...proposal.suggestions].sort((a, b) => a.number - b.number);
  const lines = paragraphsOf(proposal.bodyText).map((line) => line.trim());
  if (lines.length === 0) {
    return [
      ...paragraphsOf(proposal.summary).map((text): PrintBlock => ({ kind: 'paragraph', text: text.trim() })),
      ...suggestions.flatMap((s) => {
        const paragraphs = paragraphsOf(s.text.trim()).map((text) => text.trim());
        return (paragraphs.length ? paragraphs : ['']).map((text, i) => suggestionParagraph(s, text, i === 0));
      }),
    ];
  }

  const pending = suggestions.map((s) => ({ row: s, lines: paragraphsOf(s.text).map((line) => line.trim()) })).filter((s) => s.lines.length > 0);
  const matchAt = (index: number) =>
    pending.findIndex((s) => s.lines.every((line, offset) => lines[index + offset] === line));

  const blocks: PrintBlock[] = [];
  for (let i = 0; i < lines.length; ) {
    const found = matchAt(i);
    if (found >= 0) {
      const [suggestion] = pending.splice(found, 1);
      suggestion.lines.forEach((text, offset) => blocks.push(suggestionParagraph(suggestion.row, text, offset === 0)));
      i += suggestion.lines.length;
      continue;
    }
    const text = lines[i];
    const beforeSuggestion = matchAt(i + 1) >= 0;
    const headingLike = [...text].length <= HEADING_MAX_LENGTH && !ENDS_LIKE_A_SENTENCE.test(text);
    blocks.push({ kind: beforeSuggestion && headingLike ? 'heading' : 'paragraph', text });
    i += 1;
  }
  return blocks;
}

/** The lead author first, then the other owners and co-authors, each once. */
export function printAuthors(proposal: Pick<ProposalDetail, 'leadAuthor' | 'members'>): string[] {
  const names = [proposal.leadAuthor.displayName];
  const seen = new Set([proposal.leadAuthor.id]);
  for (const member of proposal.members) {
    if ((member.role === 'owner' || member.role === 'coauthor') && !seen.has(member.user.id)) {
      seen.add(member.user.id);
      names.push(member.user.displayName);
    }
  }
  return names;
}

/**
 * The day the document carries, as the Word export does: the day the proposal was first handed in
 * (the day recorded for a paper submission), or today while it has not been.
 */
export function printDay(proposal: Pick<ProposalDetail, 'timeline'>): string {
  const days = proposal.timeline
    .filter((event) => event.entityType === 'proposal' && event.toStatus === 'submitted')
    .map((event) => event.effectiveOn ?? todayInChina(new Date(event.occurredAt)))
    .sort();
  return days[0] ?? todayInChina();
}
