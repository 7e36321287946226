import { useQuery } from '@apollo/client';
import {
  EVIDENCE_SOURCE_TYPE_LABELS,
  POPULATION_GROUP_LABELS,
  PROPOSAL_STATUSES,
  SENSITIVITY_LABELS,
  SENSITIVITY_LEVELS,
  programAreaLabel,
  type EvidenceSourceType,
  type PopulationGroup,
  type ProposalStatus,
  type SensitivityLevel,
} from '@jianyan/shared';
import { useCallback, useMemo } from 'react';
import { ORGANIZATIONS_QUERY } from '../graphql/users';
import { useFormat } from '../i18n/format';
import { useLabels } from '../i18n/labels';
import { useLanguage } from '../i18n/useLanguage';
import { CLAUSE_KINDS, PROGRAMS_QUERY, type ClauseKind } from '../programs/graphql';
import { useProgramsText } from '../programs/useProgramsText';
import { useProposalLabels } from '../proposals/labels';
import type { FacetValue, SearchHit } from './graphql';
import type { FacetField, SearchIndex } from './params';
import { useSearchText } from './useSearchText';

export function isSensitivityLevel(value: string | null | undefined): value is SensitivityLevel {
  return typeof value === 'string' && (SENSITIVITY_LEVELS as readonly string[]).includes(value);
}

export function isProposalStatus(value: string | null | undefined): value is ProposalStatus {
  return typeof value === 'string' && (PROPOSAL_STATUSES as readonly string[]).includes(value);
}

export function isClauseKind(value: string | null | undefined): value is ClauseKind {
  return typeof value === 'string' && (CLAUSE_KINDS as readonly string[]).includes(value);
}

/** Programs the page lists by name in the facet panel (the API's page limit). */
const PROGRAMS_LISTED = 100;

/**
 * Localized labels of facet values and hit fields: district ids through the `organizations` query,
 * populations, themes, topics, source types, sensitivity from `@jianyan/shared` (zh / en),
 * proposal statuses from the app catalog, clause kinds from the programs catalog, program ids
 * through the `programs` query (clauses scope only) or else the names in the hits' payloads.
 */
export function useSearchLabels(index: SearchIndex, hits: readonly SearchHit[] | undefined) {
  const t = useSearchText();
  const programsText = useProgramsText();
  const { isEnglish } = useLanguage();
  const lang = isEnglish ? 'en' : 'zh';
  const orgLabels = useLabels();
  const format = useFormat();
  const proposalLabels = useProposalLabels();
  const organizations = useQuery(ORGANIZATIONS_QUERY).data?.organizations;
  const organizationById = useMemo(() => new Map((organizations ?? []).map((o) => [o.id, o])), [organizations]);
  const { organization } = orgLabels;
  const { proposalStatus } = proposalLabels;
  const programs = useQuery(PROGRAMS_QUERY, { variables: { first: PROGRAMS_LISTED }, skip: index !== 'clauses' }).data?.programs.nodes;
  const programNameById = useMemo(() => {
    const names = new Map<string, string>();
    for (const hit of hits ?? []) {
      const id = hit.fields.find((f) => f.name === 'programId')?.value;
      const name = hit.fields.find((f) => f.name === 'programName')?.value;
      if (id && name) names.set(id, name);
    }
    for (const program of programs ?? []) names.set(program.id, program.name);
    return names;
  }, [hits, programs]);

  const program = useCallback((id: string): string => programNameById.get(id) ?? t('facets.unknownProgram'), [programNameById, t]);

  const district = useCallback(
    (id: string): string => {
      const found = organizationById.get(id);
      return found ? organization(found) : t('facets.unknownDistrict');
    },
    [organizationById, organization, t],
  );

  const value = useCallback(
    (field: FacetField, raw: string): string => {
      switch (field) {
        case 'district':
          return district(raw);
        case 'population':
          return POPULATION_GROUP_LABELS[raw as PopulationGroup]?.[lang] ?? raw;
        case 'theme':
        case 'topic':
          return programAreaLabel(raw, lang) ?? raw;
        case 'sourceType':
          return EVIDENCE_SOURCE_TYPE_LABELS[raw as EvidenceSourceType]?.[lang] ?? raw;
        case 'sensitivity':
          return isSensitivityLevel(raw) ? SENSITIVITY_LABELS[raw][lang] : raw;
        case 'status':
          return isProposalStatus(raw) ? proposalStatus(raw) : raw;
        case 'year':
          return t('facets.year', { year: raw });
        case 'program':
          return program(raw);
        case 'kind':
          return isClauseKind(raw) ? programsText(`kinds.${raw}`) : raw;
      }
    },
    [district, program, programsText, lang, proposalStatus, t],
  );

  return {
    district,
    /** The name of a development program by its id. */
    program,
    /** The label of one facet value. */
    value,
    /** A calendar day (YYYY-MM-DD) in the interface language. */
    day: format.day,
    /** Whether district names are known yet (the organizations query answered). */
    districtsReady: organizations !== undefined,
  };
}

export type SearchLabels = ReturnType<typeof useSearchLabels>;

/** Facet values in the order people expect: years newest first, sensitivity from public to restricted, statuses in workflow order, clause kinds from area to measure, others by count. */
export function orderFacetValues(field: FacetField, values: readonly FacetValue[]): FacetValue[] {
  const sorted = [...values];
  if (field === 'year') return sorted.sort((a, b) => b.value.localeCompare(a.value));
  if (field === 'sensitivity') {
    return sorted.sort((a, b) => SENSITIVITY_LEVELS.indexOf(a.value as SensitivityLevel) - SENSITIVITY_LEVELS.indexOf(b.value as SensitivityLevel));
  }
  if (field === 'kind') {
    return sorted.sort((a, b) => CLAUSE_KINDS.indexOf(a.value as ClauseKind) - CLAUSE_KINDS.indexOf(b.value as ClauseKind));
  }
  if (field === 'status') {
    return sorted.sort((a, b) => PROPOSAL_STATUSES.indexOf(a.value as ProposalStatus) - PROPOSAL_STATUSES.indexOf(b.value as ProposalStatus));
  }
  return sorted.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}
