import { SENSITIVITY_LEVELS } from '@jianyan/shared';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TEST_IDS } from '../app/testids';
import type { EvidenceFacets, FacetCount } from '../graphql/evidence';
import { useLabels } from '../i18n/labels';
import { useDistricts } from '../proposals/districts';
import { useEvidenceLabels } from './labels';
import type { LibraryParams } from './libraryParams';
import { LockIcon } from './SensitivityBadge';

type FacetField = 'sensitivity' | 'districtId' | 'population' | 'sourceType' | 'theme';

/** Values shown before "show all". */
const COLLAPSED = 8;

interface FacetPanelProps {
  facets: EvidenceFacets | null;
  params: LibraryParams;
  onChange: (params: LibraryParams) => void;
}

/**
 * The facets with their counts, computed by the API over what the viewer is cleared for (each
 * facet ignores its own filter, so its other values stay choosable). Choosing a value filters the
 * list; choosing it again clears that filter.
 */
export function FacetPanel({ facets, params, onChange }: FacetPanelProps) {
  const { t } = useTranslation();
  const labels = useEvidenceLabels();
  const orgLabels = useLabels();
  const { districts } = useDistricts();
  const districtName = (id: string) => {
    const district = districts.find((d) => d.id === id);
    return district ? orgLabels.organization(district) : id;
  };
  const sensitivityOrder = (values: FacetCount[]) =>
    [...values].sort((a, b) => SENSITIVITY_LEVELS.indexOf(a.value as never) - SENSITIVITY_LEVELS.indexOf(b.value as never));

  const set = (field: FacetField, value: string) => onChange({ ...params, [field]: params[field] === value ? '' : value });

  return (
    <div className="card facets" data-testid={TEST_IDS.evidenceFacets} data-total={facets?.total ?? ''} aria-busy={!facets}>
      <Facet
        field="sensitivity"
        title={t('evidenceList.facetSensitivity')}
        values={facets ? sensitivityOrder(facets.sensitivities) : []}
        selected={params.sensitivity}
        label={(v) => labels.sensitivity(v)}
        icon={(v) => <LockIcon level={v as never} />}
        onSelect={set}
      />
      <Facet field="districtId" title={t('evidenceList.facetDistrict')} values={facets?.districts ?? []} selected={params.districtId} label={districtName} onSelect={set} />
      <Facet field="population" title={t('evidenceList.facetPopulation')} values={facets?.populations ?? []} selected={params.population} label={labels.population} onSelect={set} />
      <Facet field="sourceType" title={t('evidenceList.facetSourceType')} values={facets?.sourceTypes ?? []} selected={params.sourceType} label={labels.sourceType} onSelect={set} />
      <Facet field="theme" title={t('evidenceList.facetTheme')} values={facets?.themes ?? []} selected={params.theme} label={labels.theme} onSelect={set} />
    </div>
  );
}

interface FacetProps {
  field: FacetField;
  title: string;
  values: FacetCount[];
  selected: string;
  label: (value: string) => string;
  icon?: (value: string) => ReactNode;
  onSelect: (field: FacetField, value: string) => void;
}

function Facet({ field, title, values, selected, label, icon, onSelect }: FacetProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [expanded, setExpanded] = useState(false);
  // The chosen value stays visible even when nothing else matches it.
  const all = selected && !values.some((v) => v.value === selected) ? [{ value: selected, count: 0 }, ...values] : values;
  const shown = expanded ? all : all.slice(0, COLLAPSED);
  return (
    <section className="facet" aria-labelledby={headingId}>
      <h2 id={headingId} className="facet-title">
        {title}
      </h2>
      {all.length === 0 ? (
        <p className="facet-none">{t('evidenceList.facetNone')}</p>
      ) : (
        <ul className="facet-list">
          {shown.map((v) => {
            const pressed = v.value === selected;
            const text = label(v.value);
            return (
              <li key={v.value}>
                <button
                  type="button"
                  className={`facet-option${pressed ? ' facet-option-selected' : ''}`}
                  aria-pressed={pressed}
                  aria-label={t('evidenceList.facetOption', { label: text, count: v.count })}
                  onClick={() => onSelect(field, v.value)}
                  data-testid={TEST_IDS.evidenceFacetOption}
                  data-facet={field}
                  data-value={v.value}
                  data-count={v.count}
                >
                  <span className="facet-label">
                    {icon?.(v.value)}
                    {text}
                  </span>
                  <span className="facet-count">{v.count}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {all.length > COLLAPSED && (
        <button type="button" className="button button-ghost button-small facet-more" aria-expanded={expanded} onClick={() => setExpanded((e) => !e)}>
          {expanded ? t('evidenceList.facetShowFewer') : t('evidenceList.facetShowAll', { count: all.length })}
        </button>
      )}
    </section>
  );
}
