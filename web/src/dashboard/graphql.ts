import { gql, type TypedDocumentNode } from '@apollo/client';

export interface AdoptionRate {
  key: string | null;
  label: string;
  labelEn: string;
  submitted: number;
  adopted: number;
  rate: number | null;
}

export interface ChainSuggestion {
  id: string;
  number: number;
  title: string;
  status: string;
  proposal: { id: string; title: string; year: number; districtName: string };
}

export interface ChainClause {
  id: string;
  number: string;
  text: string;
  programId: string;
  programName: string;
  path: string;
}

export interface ChainAdoption {
  id: string;
  status: string;
  decidedOn: string;
  targetKind: string;
  clause: ChainClause | null;
}

export interface ChainEvidence {
  id: string;
  title: string;
  sourceType: string;
  dateFrom: string;
}

export interface AdoptionChain {
  suggestion: ChainSuggestion;
  evidence: ChainEvidence[];
  adoptions: ChainAdoption[];
  firstAdoptedOn: string | null;
  daysToAdoption: number | null;
}

export interface DashboardTotals {
  proposals: number;
  submittedSuggestions: number;
  adoptedSuggestions: number;
  adoptionRate: number | null;
  medianDaysToAdoption: number | null;
  meanDaysToAdoption: number | null;
  timedAdoptions: number;
  awaiting: number;
}

export interface Dashboard {
  year: number | null;
  districtId: string | null;
  asOf: string;
  years: number[];
  totals: DashboardTotals;
  byDistrict: AdoptionRate[];
  byProgramArea: AdoptionRate[];
  byYear: AdoptionRate[];
  byAuthor: AdoptionRate[];
  awaiting: { suggestion: ChainSuggestion; submittedOn: string; daysWaiting: number }[];
  adopted: AdoptionChain[];
}

export interface DashboardVariables {
  year?: number | null;
  districtId?: string | null;
}

const RATE = 'key label labelEn submitted adopted rate';
const SUGGESTION = 'id number title status proposal { id title year districtName }';

export const DASHBOARD_QUERY: TypedDocumentNode<{ dashboard: Dashboard }, DashboardVariables> = gql`
  query Dashboard($year: Int, $districtId: ID) {
    dashboard(year: $year, districtId: $districtId) {
      year
      districtId
      asOf
      years
      totals { proposals submittedSuggestions adoptedSuggestions adoptionRate medianDaysToAdoption meanDaysToAdoption timedAdoptions awaiting }
      byDistrict { ${RATE} }
      byProgramArea { ${RATE} }
      byYear { ${RATE} }
      byAuthor { ${RATE} }
      awaiting { suggestion { ${SUGGESTION} } submittedOn daysWaiting }
      adopted {
        suggestion { ${SUGGESTION} }
        evidence { id title sourceType dateFrom }
        adoptions { id status decidedOn targetKind clause { id number text programId programName path } }
        firstAdoptedOn
        daysToAdoption
      }
    }
  }
`;
