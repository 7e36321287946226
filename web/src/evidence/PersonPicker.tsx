import { useQuery } from '@apollo/client';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { toAppError } from '../graphql/errors';
import { PEOPLE_QUERY } from '../graphql/proposals';
import type { PersonSummary } from '../graphql/types';
import { useLabels } from '../i18n/labels';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useTypedSearch } from '../ui/SearchPicker';

const RESULTS = 12;

interface PersonPickerProps {
  label: string;
  hint?: string;
  placeholder?: string;
  value: PersonSummary | null;
  onChange: (person: PersonSummary | null) => void;
  /** People who cannot be chosen (shown disabled with `excludedNote`). */
  excludeIds?: readonly string[];
  excludedNote?: string;
  noResults: string;
  clearLabel: string;
  /** Compact: the results drop down over the page (filters) instead of a list in the flow (dialogs). */
  compact?: boolean;
  autoFocus?: boolean;
}

/**
 * Finds a person of the caller's federation with `people(search)` as she types (debounced), and
 * shows the chosen one as a removable chip.
 */
export function PersonPicker(props: PersonPickerProps) {
  const { label, hint, placeholder, value, onChange, excludeIds = [], excludedNote, noResults, clearLabel, compact, autoFocus } = props;
  const { t } = useTranslation();
  const labels = useLabels();
  const id = useId();
  const { typed, setTyped, search, clear } = useTypedSearch();

  const open = !value && (!compact || search !== '');
  const people = useQuery(PEOPLE_QUERY, { variables: { search: search || null, first: RESULTS }, fetchPolicy: 'network-only', skip: !open });
  const results = people.data?.people ?? [];

  return (
    <div className={`field person-picker${compact ? ' person-picker-compact' : ''}`}>
      <label htmlFor={`${id}-search`} className="field-label">
        {label}
      </label>
      {value ? (
        <div className="person-chosen">
          <span className="person-name">{value.displayName}</span>
          <span className="muted small">
            {labels.organization(value.organization)} · {labels.role(value.role)}
          </span>
          <button
            type="button"
            className="tag-remove"
            aria-label={clearLabel}
            onClick={() => {
              onChange(null);
              clear();
            }}
          >
            ×
          </button>
          {/* Keeps the label pointing at a control while someone is chosen. */}
          <input id={`${id}-search`} type="hidden" value={value.id} />
        </div>
      ) : (
        <input
          id={`${id}-search`}
          type="search"
          className="input"
          value={typed}
          placeholder={placeholder}
          aria-describedby={hint ? `${id}-hint` : undefined}
          aria-controls={`${id}-results`}
          autoComplete="off"
          autoFocus={autoFocus}
          onChange={(event) => setTyped(event.target.value)}
        />
      )}
      {hint && !value && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {open && (
        <div className={compact ? 'people people-dropdown' : 'people'} aria-busy={people.loading}>
          {people.error ? (
            <ErrorNotice error={toAppError(people.error)} onRetry={() => void people.refetch().catch(() => undefined)} />
          ) : people.loading && results.length === 0 ? (
            <p className="muted small">{t('members.searching')}</p>
          ) : results.length === 0 ? (
            <p className="muted small">{noResults}</p>
          ) : (
            <ul id={`${id}-results`} className="people-list" aria-label={t('members.resultsLabel')}>
              {results.map((person) => {
                const excluded = excludeIds.includes(person.id);
                return (
                  <li key={person.id}>
                    <button
                      type="button"
                      className="person-option"
                      aria-label={t('members.choose', { name: person.displayName })}
                      disabled={excluded}
                      onClick={() => onChange(person)}
                      data-user-id={person.id}
                    >
                      <span className="person-name">{person.displayName}</span>
                      <span className="muted small">
                        {labels.organization(person.organization)} · {labels.role(person.role)}
                      </span>
                      {excluded && excludedNote && <span className="badge badge-muted">{excludedNote}</span>}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
