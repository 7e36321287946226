import { Fragment } from 'react';
import { PROGRAMS_TEST_IDS } from '../programs/testids';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Splits `text` into runs, marking every occurrence of the words (longest first, case-insensitive). */
export function highlightRuns(text: string, words: readonly string[]): { text: string; marked: boolean }[] {
  const terms = [...new Set(words.filter((w) => w.trim()))].sort((a, b) => b.length - a.length);
  if (terms.length === 0) return [{ text, marked: false }];
  const pattern = new RegExp(`(${terms.map(escapeRegExp).join('|')})`, 'giu');
  return text
    .split(pattern)
    .filter((part) => part !== '')
    .map((part) => ({ text: part, marked: terms.some((term) => term.toLowerCase() === part.toLowerCase()) }));
}

/** Text with the shared words in <mark>: plain React text nodes, never HTML. */
export function Highlighted({ text, words }: { text: string; words: readonly string[] }) {
  return (
    <>
      {highlightRuns(text, words).map((run, index) =>
        run.marked ? (
          <mark key={index} data-testid={PROGRAMS_TEST_IDS.matchOverlap}>
            {run.text}
          </mark>
        ) : (
          <Fragment key={index}>{run.text}</Fragment>
        ),
      )}
    </>
  );
}
