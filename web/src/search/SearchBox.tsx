import { useCallback, useEffect, useId, useRef, useState, type ChangeEvent, type CompositionEvent, type FormEvent } from 'react';
import { SEARCH_INDEXES, TEXT_MAX_LENGTH, type SearchIndex } from './params';
import { SEARCH_TEST_IDS } from './testids';
import { useSearchText } from './useSearchText';

const SCOPE_TEST_IDS: Record<SearchIndex, string> = {
  evidence: SEARCH_TEST_IDS.indexEvidence,
  proposals: SEARCH_TEST_IDS.indexProposals,
  clauses: SEARCH_TEST_IDS.indexClauses,
};

/** Quiet time after the last keystroke before the search runs. */
export const SEARCH_DEBOUNCE_MS = 250;

interface SearchBoxProps {
  /** The words of the page state (the address). */
  value: string;
  index: SearchIndex;
  onSearch: (text: string) => void;
  onIndexChange: (index: SearchIndex) => void;
}

/**
 * The search box: searches as you type (debounced), never while an input method is composing
 * (pinyin such as "peixun" is not a search: only the characters chosen at compositionend are),
 * and at once on Enter. Follows the address when it changes from outside (back, a suggestion).
 */
export function SearchBox({ value, index, onSearch, onIndexChange }: SearchBoxProps) {
  const t = useSearchText();
  const id = useId();
  const [text, setText] = useState(value);
  const composing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** The words last handed to onSearch (or received from the address). */
  const sent = useRef(value);
  // The debounced call runs the latest onSearch, which sees the latest address (a facet ticked meanwhile).
  const onSearchRef = useRef(onSearch);
  useEffect(() => {
    onSearchRef.current = onSearch;
  });

  const cancel = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  }, []);
  const send = (words: string) => {
    cancel();
    if (words === sent.current) return;
    sent.current = words;
    onSearchRef.current(words);
  };
  const schedule = (words: string) => {
    cancel();
    timer.current = setTimeout(() => send(words), SEARCH_DEBOUNCE_MS);
  };

  // The address changed without us (back / forward, an example query): show its words.
  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      cancel();
      setText(value);
    }
  }, [value, cancel]);

  useEffect(() => cancel, [cancel]);

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const words = event.target.value;
    setText(words);
    // While composing, the field holds pinyin or unconfirmed characters: wait for compositionend.
    if (composing.current || (event.nativeEvent as InputEvent).isComposing) return;
    schedule(words);
  };
  const onCompositionStart = () => {
    composing.current = true;
    cancel();
  };
  const onCompositionEnd = (event: CompositionEvent<HTMLInputElement>) => {
    composing.current = false;
    const words = event.currentTarget.value;
    setText(words);
    schedule(words);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!composing.current) send(text);
  };

  return (
    <form role="search" className="search-box card" onSubmit={onSubmit} aria-label={t('title')}>
      <div className="search-box-row">
        <label htmlFor={`${id}-q`} className="visually-hidden">
          {t('box.label')}
        </label>
        <span className="search-box-icon" aria-hidden="true">
          <svg viewBox="0 0 20 20" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
            <circle cx="8.5" cy="8.5" r="5.5" />
            <path d="m13 13 4 4" />
          </svg>
        </span>
        <input
          id={`${id}-q`}
          type="search"
          className="input search-box-input"
          value={text}
          maxLength={TEXT_MAX_LENGTH}
          placeholder={t('box.placeholder')}
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="search"
          aria-describedby={`${id}-hint`}
          autoFocus
          data-testid={SEARCH_TEST_IDS.input}
          onChange={onChange}
          onCompositionStart={onCompositionStart}
          onCompositionEnd={onCompositionEnd}
        />
        <button type="submit" className="button button-primary search-box-submit">
          {t('box.submit')}
        </button>
      </div>
      <div className="search-box-foot">
        <div className="search-scope" role="group" aria-label={t('box.scope')}>
          <span className="search-scope-label" aria-hidden="true">
            {t('box.scope')}
          </span>
          {SEARCH_INDEXES.map((scope) => (
            <ScopeButton key={scope} active={index === scope} label={t(`box.${scope}`)} testId={SCOPE_TEST_IDS[scope]} onClick={() => onIndexChange(scope)} />
          ))}
        </div>
        <p id={`${id}-hint`} className="search-box-hint">
          {t('box.hint')}
        </p>
      </div>
    </form>
  );
}

function ScopeButton({ active, label, testId, onClick }: { active: boolean; label: string; testId: string; onClick: () => void }) {
  return (
    <button type="button" className={`search-scope-option${active ? ' search-scope-active' : ''}`} aria-pressed={active} data-testid={testId} onClick={onClick}>
      {label}
    </button>
  );
}
