import { PROGRAM_AREAS, PROPOSAL_STATUSES, PROPOSAL_YEAR_MAX, PROPOSAL_YEAR_MIN, type ProposalStatus } from '@jianyan/shared';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEST_IDS } from '../app/testids';
import type { ProposalSortField, SortDirection } from '../graphql/types';
import { useLabels } from '../i18n/labels';
import { useDistricts } from './districts';
import { useProposalLabels } from './labels';
import { DEFAULT_LIST_PARAMS, SORT_FIELDS, hasFilters, type ListParams } from './listParams';

const SORT_LABELS = {
  UPDATED_AT: 'proposals.sortUpdated',
  CREATED_AT: 'proposals.sortCreated',
  TITLE: 'proposals.sortTitle',
  YEAR: 'proposals.sortYear',
} as const satisfies Record<ProposalSortField, string>;

/** Typing waits this long before the list reloads. */
const TYPING_DELAY_MS = 300;

interface ProposalFiltersProps {
  params: ListParams;
  onChange: (params: ListParams) => void;
}

export function ProposalFilters({ params, onChange }: ProposalFiltersProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const proposalLabels = useProposalLabels();
  const districts = useDistricts();
  const id = useId();
  // Text and year apply after a pause in typing; the rest applies at once.
  const [text, setText] = useState(params.text);
  const [year, setYear] = useState(params.year);
  const sent = useRef({ text: params.text, year: params.year });

  // The address changed from elsewhere (back button, "clear filters"): show what it says.
  useEffect(() => {
    if (params.text !== sent.current.text) {
      sent.current.text = params.text;
      setText(params.text);
    }
    if (params.year !== sent.current.year) {
      sent.current.year = params.year;
      setYear(params.year);
    }
  }, [params.text, params.year]);

  useEffect(() => {
    const validYear = year === '' || (/^\d{4}$/.test(year) && Number(year) >= PROPOSAL_YEAR_MIN && Number(year) <= PROPOSAL_YEAR_MAX);
    if ((text === sent.current.text && year === sent.current.year) || !validYear) return;
    const timer = setTimeout(() => {
      sent.current = { text, year };
      onChange({ ...params, text, year });
    }, TYPING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, year, params, onChange]);

  const set =
    <K extends keyof ListParams>(field: K) =>
    (value: ListParams[K]) =>
      onChange({ ...params, [field]: value });

  return (
    <section role="search" className="card filters" aria-label={t('proposals.filtersLabel')}>
      <div className="filters-grid">
        <div className="field filters-search">
          <label htmlFor={`${id}-q`} className="field-label">
            {t('proposals.search')}
          </label>
          <input
            id={`${id}-q`}
            type="search"
            className="input"
            value={text}
            placeholder={t('proposals.searchPlaceholder')}
            onChange={(event) => setText(event.target.value)}
            data-testid={TEST_IDS.proposalFilterText}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`} className="field-label">
            {t('proposals.status')}
          </label>
          <select
            id={`${id}-status`}
            className="input"
            value={params.status}
            onChange={(event) => set('status')(event.target.value as ProposalStatus | '')}
            data-testid={TEST_IDS.proposalFilterStatus}
          >
            <option value="">{t('proposals.allStatuses')}</option>
            {PROPOSAL_STATUSES.map((status) => (
              <option key={status} value={status}>
                {proposalLabels.proposalStatus(status)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-district`} className="field-label">
            {t('proposals.district')}
          </label>
          <select id={`${id}-district`} className="input" value={params.districtId} onChange={(event) => set('districtId')(event.target.value)}>
            <option value="">{t('proposals.allDistricts')}</option>
            {districts.districts.map((district) => (
              <option key={district.id} value={district.id}>
                {labels.organization(district)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-year`} className="field-label">
            {t('proposals.year')}
          </label>
          <input
            id={`${id}-year`}
            type="number"
            inputMode="numeric"
            className="input"
            min={PROPOSAL_YEAR_MIN}
            max={PROPOSAL_YEAR_MAX}
            value={year}
            placeholder={t('proposals.yearPlaceholder')}
            onChange={(event) => setYear(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-topic`} className="field-label">
            {t('proposals.topic')}
          </label>
          <select id={`${id}-topic`} className="input" value={params.topic} onChange={(event) => set('topic')(event.target.value)}>
            <option value="">{t('proposals.allTopics')}</option>
            {PROGRAM_AREAS.map((area) => (
              <option key={area.code} value={area.code}>
                {proposalLabels.programArea(area.code)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="filters-bar">
        <label className="check">
          <input
            type="checkbox"
            checked={params.mine}
            onChange={(event) => set('mine')(event.target.checked)}
            data-testid={TEST_IDS.proposalFilterMine}
          />
          <span>{t('proposals.mine')}</span>
        </label>
        <div className="filters-sort">
          <label htmlFor={`${id}-sort`} className="field-label">
            {t('proposals.sort')}
          </label>
          <select
            id={`${id}-sort`}
            className="input input-compact"
            value={params.sortField}
            onChange={(event) => set('sortField')(event.target.value as ProposalSortField)}
          >
            {SORT_FIELDS.map((field) => (
              <option key={field} value={field}>
                {t(SORT_LABELS[field])}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-dir`} className="visually-hidden">
            {t('proposals.direction')}
          </label>
          <select
            id={`${id}-dir`}
            className="input input-compact"
            value={params.direction}
            onChange={(event) => set('direction')(event.target.value as SortDirection)}
          >
            <option value="DESC">{t('proposals.desc')}</option>
            <option value="ASC">{t('proposals.asc')}</option>
          </select>
          {hasFilters(params) && (
            <button
              type="button"
              className="button button-ghost button-small"
              onClick={() => onChange({ ...DEFAULT_LIST_PARAMS, sortField: params.sortField, direction: params.direction })}
            >
              {t('proposals.clearFilters')}
            </button>
          )}
        </div>
      </div>
    </section>
  );
}
