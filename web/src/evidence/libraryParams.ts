import {
  EVIDENCE_SOURCE_TYPES,
  EVIDENCE_STATUSES,
  POPULATION_GROUPS,
  SENSITIVITY_LEVELS,
  isCalendarDate,
  type EvidenceSourceType,
  type EvidenceStatus,
  type PopulationGroup,
  type SensitivityLevel,
} from '@jianyan/shared';
import type { EvidenceFilter } from '../graphql/evidence';

/** The library's filters, kept in the address (?q=…&district=…) so links and "back" keep them. */
export interface LibraryParams {
  text: string;
  districtId: string;
  population: PopulationGroup | '';
  theme: string;
  sourceType: EvidenceSourceType | '';
  sensitivity: SensitivityLevel | '';
  status: EvidenceStatus | '';
  /** YYYY-MM-DD */
  from: string;
  /** YYYY-MM-DD */
  to: string;
}

export const EMPTY_LIBRARY_PARAMS: LibraryParams = {
  text: '',
  districtId: '',
  population: '',
  theme: '',
  sourceType: '',
  sensitivity: '',
  status: '',
  from: '',
  to: '',
};

/** Address parameter of each filter. */
const KEYS: Record<keyof LibraryParams, string> = {
  text: 'q',
  districtId: 'district',
  population: 'population',
  theme: 'theme',
  sourceType: 'source',
  sensitivity: 'sensitivity',
  status: 'status',
  from: 'from',
  to: 'to',
};

function oneOf<T extends string>(value: string | null, values: readonly T[]): T | '' {
  return value && (values as readonly string[]).includes(value) ? (value as T) : '';
}

const date = (value: string | null): string => (value && isCalendarDate(value) ? value : '');

export function parseLibraryParams(search: URLSearchParams): LibraryParams {
  return {
    text: search.get(KEYS.text) ?? '',
    districtId: search.get(KEYS.districtId) ?? '',
    population: oneOf(search.get(KEYS.population), POPULATION_GROUPS),
    theme: search.get(KEYS.theme) ?? '',
    sourceType: oneOf(search.get(KEYS.sourceType), EVIDENCE_SOURCE_TYPES),
    sensitivity: oneOf(search.get(KEYS.sensitivity), SENSITIVITY_LEVELS),
    status: oneOf(search.get(KEYS.status), EVIDENCE_STATUSES),
    from: date(search.get(KEYS.from)),
    to: date(search.get(KEYS.to)),
  };
}

export function toLibrarySearch(params: LibraryParams): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of Object.keys(KEYS) as (keyof LibraryParams)[]) {
    const value = params[key].trim();
    if (value) search.set(KEYS[key], value);
  }
  return search;
}

export function hasLibraryFilters(params: LibraryParams): boolean {
  return (Object.keys(KEYS) as (keyof LibraryParams)[]).some((key) => params[key].trim() !== '');
}

/** The GraphQL filter (blank fields left out). */
export function toEvidenceFilter(params: LibraryParams): EvidenceFilter {
  return {
    text: params.text.trim() || null,
    districtId: params.districtId || null,
    population: params.population || null,
    theme: params.theme || null,
    sourceType: params.sourceType || null,
    sensitivity: params.sensitivity || null,
    status: params.status || null,
    from: params.from || null,
    to: params.to || null,
  };
}

/** The same filter as query parameters of GET /export/evidence.csv|.xlsx. */
export function exportQuery(filter: EvidenceFilter): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (typeof value === 'string' && value !== '') search.set(key, value);
  }
  const query = search.toString();
  return query ? `?${query}` : '';
}
