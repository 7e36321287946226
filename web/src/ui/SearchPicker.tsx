import { useEffect, useState, type ReactNode } from 'react';
import { toAppError } from '../graphql/errors';
import { ErrorNotice } from './ErrorNotice';

/** How long typing must pause before the search runs. */
const SEARCH_DELAY_MS = 250;

export interface TypedSearch {
  typed: string;
  setTyped: (value: string) => void;
  /** The trimmed text to search for, once typing has paused. */
  search: string;
  /** Empties the box and the search at once. */
  clear: () => void;
}

/** What is typed in a search box, and the text to search for once typing pauses. */
export function useTypedSearch(): TypedSearch {
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const clear = () => {
    setTyped('');
    setSearch('');
  };
  return { typed, setTyped, search, clear };
}

export interface SearchPickerTexts {
  label: string;
  placeholder: string;
  hint: string;
  /** The heading of the error when the search fails. */
  failed: string;
  searching: string;
  noResults: string;
  /** The accessible name of the list of results. */
  resultsLabel: string;
}

interface SearchPickerProps<T extends { id: string }> {
  /** The base of the elements' ids (from useId). */
  id: string;
  texts: SearchPickerTexts;
  typed: string;
  onType: (value: string) => void;
  inputTestId: string;
  /** The state of the search query (e.g. the result of useQuery). */
  query: { loading: boolean; error?: unknown; refetch: () => Promise<unknown> };
  results: readonly T[];
  /** Classes of the results' box after `people`. */
  className?: string;
  /** The button that chooses a result. */
  renderOption: (result: T) => ReactNode;
}

/** Search as you type and choose from the results: the search box, then the results (or searching, none, error with retry). */
export function SearchPicker<T extends { id: string }>({ id, texts, typed, onType, inputTestId, query, results, className, renderOption }: SearchPickerProps<T>) {
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-search`} className="field-label">
          {texts.label}
        </label>
        <input
          id={`${id}-search`}
          type="search"
          className="input"
          value={typed}
          placeholder={texts.placeholder}
          aria-describedby={`${id}-search-hint`}
          aria-controls={`${id}-results`}
          autoComplete="off"
          autoFocus
          onChange={(event) => onType(event.target.value)}
          data-testid={inputTestId}
        />
        <p id={`${id}-search-hint`} className="field-hint">
          {texts.hint}
        </p>
      </div>

      <div className={className ? `people ${className}` : 'people'} aria-busy={query.loading}>
        {query.error ? (
          <ErrorNotice error={toAppError(query.error)} title={texts.failed} onRetry={() => void query.refetch().catch(() => undefined)} />
        ) : query.loading && results.length === 0 ? (
          <p className="muted small">{texts.searching}</p>
        ) : results.length === 0 ? (
          <p className="muted small">{texts.noResults}</p>
        ) : (
          <ul id={`${id}-results`} className="people-list" aria-label={texts.resultsLabel}>
            {results.map((result) => (
              <li key={result.id}>{renderOption(result)}</li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
