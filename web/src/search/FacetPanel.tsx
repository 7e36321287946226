import { useId, useState } from 'react';
import { Loading } from '../ui/Status';
import type { FacetValue } from './graphql';
import { orderFacetValues, type SearchLabels } from './labels';
import { facetFieldsOf, hasFilters, type FacetField, type SearchState } from './params';
import { SEARCH_TEST_IDS, facetTestId } from './testids';
import { useSearchText } from './useSearchText';

/** Values shown before "show all". */
const COLLAPSED = 6;

interface FacetPanelProps {
  state: SearchState;
  facets: Partial<Record<FacetField, FacetValue[]>>;
  labels: SearchLabels;
  /** False until the first answer: the counts are not known yet. */
  ready: boolean;
  busy: boolean;
  onToggle: (field: FacetField, value: string) => void;
  onClear: () => void;
}

/**
 * The facets of the current words, each a fieldset of checkboxes with counts. Values of one field
 * are OR'ed (a filtered field still counts its other values), fields are AND'ed.
 */
export function FacetPanel({ state, facets, labels, ready, busy, onToggle, onClear }: FacetPanelProps) {
  const t = useSearchText();
  const headingId = useId();
  // Nothing to count (no hit, no filter): one line rather than an empty fieldset per field.
  const nothing = !hasFilters(state) && facetFieldsOf(state.index).every((field) => (facets[field] ?? []).length === 0);
  return (
    <section className="search-facets card" aria-labelledby={headingId} aria-busy={busy}>
      <div className="search-facets-head">
        <h2 id={headingId} className="search-facets-title">
          {t('facets.label')}
        </h2>
        {hasFilters(state) && (
          <button type="button" className="button button-ghost button-small search-facets-clear" onClick={onClear} data-testid={SEARCH_TEST_IDS.facetsClear}>
            {t('facets.clear')}
          </button>
        )}
      </div>
      {!ready ? (
        <Loading />
      ) : nothing ? (
        <p className="search-facets-none">{t('facets.none')}</p>
      ) : (
        facetFieldsOf(state.index).map((field) => (
          <Facet
            key={`${state.index}-${field}`}
            field={field}
            values={facets[field] ?? []}
            selected={state.filters[field] ?? []}
            label={(value) => labels.value(field, value)}
            onToggle={onToggle}
          />
        ))
      )}
    </section>
  );
}

interface FacetProps {
  field: FacetField;
  values: FacetValue[];
  selected: string[];
  label: (value: string) => string;
  onToggle: (field: FacetField, value: string) => void;
}

function Facet({ field, values, selected, label, onToggle }: FacetProps) {
  const t = useSearchText();
  const [expanded, setExpanded] = useState(false);
  // A chosen value stays visible (and can be unticked) even when nothing matches it any more.
  const missing = selected.filter((value) => !values.some((v) => v.value === value)).map((value) => ({ value, count: 0 }));
  const all = orderFacetValues(field, [...values, ...missing]);
  const shown = expanded ? all : all.filter((v, i) => i < COLLAPSED || selected.includes(v.value));
  return (
    <fieldset className="search-facet" data-testid={facetTestId(field)}>
      <legend className="search-facet-legend">{t(`facets.fields.${field}`)}</legend>
      {all.length === 0 ? (
        <p className="search-facet-none">{t('facets.none')}</p>
      ) : (
        <ul className="search-facet-list">
          {shown.map((v) => {
            const checked = selected.includes(v.value);
            const text = label(v.value);
            return (
              <li key={v.value}>
                <label
                  className={`search-facet-value${checked ? ' search-facet-checked' : ''}${v.count === 0 ? ' search-facet-zero' : ''}`}
                  data-testid={SEARCH_TEST_IDS.facetValue}
                  data-field={field}
                  data-value={v.value}
                  data-count={v.count}
                >
                  <input
                    type="checkbox"
                    checked={checked}
                    onChange={() => onToggle(field, v.value)}
                    aria-label={t('facets.option', { label: text, count: v.count })}
                  />
                  <span className="search-facet-label" title={text}>
                    {text}
                  </span>
                  <span className="search-facet-count" aria-hidden="true">
                    {v.count}
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
      {all.length > COLLAPSED && (
        <button type="button" className="button button-ghost button-small search-facet-more" aria-expanded={expanded} onClick={() => setExpanded((e) => !e)}>
          {expanded ? t('facets.showFewer') : t('facets.showAll', { count: all.length })}
        </button>
      )}
    </fieldset>
  );
}
