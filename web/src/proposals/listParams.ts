import { PROPOSAL_YEAR_MAX, PROPOSAL_YEAR_MIN, type ProposalStatus } from '@jianyan/shared';
import type { ProposalFilter, ProposalSort, ProposalSortField, SortDirection } from '../graphql/types';
import { isProposalStatus } from './labels';

/** The list's filters and sort, kept in the address (?q=…&status=…) so links and "back" keep them. */
export interface ListParams {
  text: string;
  status: ProposalStatus | '';
  districtId: string;
  year: string;
  topic: string;
  mine: boolean;
  sortField: ProposalSortField;
  direction: SortDirection;
}

export const SORT_FIELDS: readonly ProposalSortField[] = ['UPDATED_AT', 'CREATED_AT', 'TITLE', 'YEAR'];
const DIRECTIONS: readonly SortDirection[] = ['DESC', 'ASC'];

export const DEFAULT_LIST_PARAMS: ListParams = {
  text: '',
  status: '',
  districtId: '',
  year: '',
  topic: '',
  mine: false,
  sortField: 'UPDATED_AT',
  direction: 'DESC',
};

export function parseListParams(search: URLSearchParams): ListParams {
  const status = search.get('status') ?? '';
  const sortField = search.get('sort') ?? '';
  const direction = search.get('dir') ?? '';
  return {
    text: search.get('q') ?? '',
    status: isProposalStatus(status) ? status : '',
    districtId: search.get('district') ?? '',
    year: /^\d{4}$/.test(search.get('year') ?? '') ? search.get('year')! : '',
    topic: search.get('topic') ?? '',
    mine: search.get('mine') === '1',
    sortField: (SORT_FIELDS as readonly string[]).includes(sortField) ? (sortField as ProposalSortField) : DEFAULT_LIST_PARAMS.sortField,
    direction: (DIRECTIONS as readonly string[]).includes(direction) ? (direction as SortDirection) : DEFAULT_LIST_PARAMS.direction,
  };
}

export function toSearchParams(params: ListParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.text.trim()) search.set('q', params.text.trim());
  if (params.status) search.set('status', params.status);
  if (params.districtId) search.set('district', params.districtId);
  if (params.year) search.set('year', params.year);
  if (params.topic) search.set('topic', params.topic);
  if (params.mine) search.set('mine', '1');
  if (params.sortField !== DEFAULT_LIST_PARAMS.sortField) search.set('sort', params.sortField);
  if (params.direction !== DEFAULT_LIST_PARAMS.direction) search.set('dir', params.direction);
  return search;
}

export function hasFilters(params: ListParams): boolean {
  return Boolean(params.text.trim() || params.status || params.districtId || params.year || params.topic || params.mine);
}

export function toFilter(params: ListParams, myId: string): ProposalFilter {
  const year = Number(params.year);
  return {
    text: params.text.trim() || null,
    status: params.status || null,
    districtId: params.districtId || null,
    year: params.year && year >= PROPOSAL_YEAR_MIN && year <= PROPOSAL_YEAR_MAX ? year : null,
    topic: params.topic || null,
    memberId: params.mine ? myId : null,
  };
}

export function toSort(params: ListParams): ProposalSort {
  return { field: params.sortField, direction: params.direction };
}
