/**
 * Case evidence (案例 / 证据): the GraphQL operations of the evidence library, the record page,
 * the form, the import, the proposal's evidence panel and the audit log, with their hand-written
 * types (following api/schema.graphql, like ./types.ts).
 */
import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  AttachmentAccess,
  AttachmentKind,
  EvidenceGrantLevel,
  EvidenceLinkKind,
  EvidenceSourceType,
  EvidenceStatus,
  HeldReason,
  PiiKind,
  PopulationGroup,
  ProposalStatus,
  Role,
  SensitivityLevel,
} from '@jianyan/shared';
import type { DateTime, OrganizationName, PageInfo } from './types';

// ---------------------------------------------------------------- types

/** Someone named next to evidence (contributor, granter, link author, audit actor). */
export interface EvidencePerson {
  __typename?: 'PersonSummary';
  id: string;
  displayName: string;
}

export interface EvidenceFigure {
  __typename?: 'EvidenceFigure';
  label: string;
  value: number;
  unit: string | null;
  period: string | null;
}

export interface EvidenceConsent {
  __typename?: 'EvidenceConsent';
  obtained: boolean;
  obtainedBy: string | null;
  /** YYYY-MM-DD */
  obtainedOn: string | null;
  scope: string | null;
  /** YYYY-MM-DD; after it the record is held at restricted again. */
  expiresOn: string | null;
}

export interface PiiFindingView {
  __typename?: 'PiiFinding';
  /** title, narrative or figures.N.label */
  field: string;
  kind: PiiKind;
  start: number;
  end: number;
  masked: string;
}

export interface EvidenceAttachment {
  __typename?: 'EvidenceAttachment';
  id: string;
  fileName: string;
  kind: AttachmentKind;
  contentType: string;
  size: number;
  createdAt: DateTime;
  /** What downloading gives the viewer: the file, the masked text, or nothing. */
  access: AttachmentAccess;
  downloadUrl: string;
}

export interface EvidenceGrant {
  __typename?: 'EvidenceGrant';
  id: string;
  level: EvidenceGrantLevel;
  grantedAt: DateTime;
  user: EvidencePerson & { role: Role; organization: OrganizationName };
  grantedBy: EvidencePerson;
}

/** A record as listed in the library (content masked unless `rawContent`). */
export interface EvidenceSummary {
  __typename?: 'Evidence';
  id: string;
  title: string;
  narrative: string;
  dateFrom: string;
  dateTo: string | null;
  districtId: string | null;
  district: OrganizationName | null;
  town: string | null;
  community: string | null;
  populations: PopulationGroup[];
  themes: string[];
  sourceType: EvidenceSourceType;
  sensitivity: SensitivityLevel;
  effectiveSensitivity: SensitivityLevel;
  sensitivityHeld: boolean;
  sensitivityHeldReason: HeldReason | null;
  status: EvidenceStatus;
  rawContent: boolean;
  piiCount: number;
  version: number;
  viewerCanManage: boolean;
  updatedAt: DateTime;
  publishedAt: DateTime | null;
  contributor: EvidencePerson;
}

/** Where a record is cited, as the viewer may see it (on the record page). */
export interface EvidenceSupport {
  __typename?: 'EvidenceLink';
  id: string;
  kind: EvidenceLinkKind;
  note: string | null;
  quote: string | null;
  createdAt: DateTime;
  createdBy: EvidencePerson;
  proposalId: string;
  proposal: { __typename?: 'Proposal'; id: string; title: string; status: ProposalStatus; year: number } | null;
  suggestion: { __typename?: 'Suggestion'; id: string; number: number; title: string } | null;
}

/** A record with everything its page shows. */
export interface EvidenceDetail extends EvidenceSummary {
  aboutIdentifiablePeople: boolean;
  consentObtained: boolean;
  consent: EvidenceConsent | null;
  figures: EvidenceFigure[];
  piiFindings: PiiFindingView[] | null;
  markedNames: string[] | null;
  organization: OrganizationName;
  createdAt: DateTime;
  attachments: EvidenceAttachment[];
  grants: EvidenceGrant[] | null;
  links: EvidenceSupport[];
}

export interface FacetCount {
  __typename?: 'FacetCount';
  value: string;
  count: number;
}

export interface EvidenceFacets {
  __typename?: 'EvidenceFacets';
  total: number;
  districts: FacetCount[];
  populations: FacetCount[];
  themes: FacetCount[];
  sourceTypes: FacetCount[];
  sensitivities: FacetCount[];
}

export interface EvidenceFilter {
  districtId?: string | null;
  population?: PopulationGroup | null;
  theme?: string | null;
  sourceType?: EvidenceSourceType | null;
  from?: string | null;
  to?: string | null;
  sensitivity?: SensitivityLevel | null;
  status?: EvidenceStatus | null;
  contributorId?: string | null;
  text?: string | null;
}

/** The evidence of a link in a proposal's panel; null in placeholders. */
export interface LinkedEvidence {
  __typename?: 'Evidence';
  id: string;
  title: string;
  sourceType: EvidenceSourceType;
  dateFrom: string;
  dateTo: string | null;
  sensitivity: SensitivityLevel;
  effectiveSensitivity: SensitivityLevel;
  sensitivityHeld: boolean;
  sensitivityHeldReason: HeldReason | null;
  rawContent: boolean;
  district: OrganizationName | null;
  figures: EvidenceFigure[];
}

export interface ProposalEvidenceLink {
  __typename?: 'EvidenceLink';
  id: string;
  kind: EvidenceLinkKind;
  suggestionId: string | null;
  citationId: string | null;
  quote: string | null;
  note: string | null;
  restricted: boolean;
  createdAt: DateTime;
  createdBy: EvidencePerson;
  evidence: LinkedEvidence | null;
}

export interface ProposalEvidence {
  __typename?: 'Proposal';
  id: string;
  myRole: string | null;
  suggestions: { __typename?: 'Suggestion'; id: string; number: number; title: string }[];
  evidenceLinks: {
    __typename?: 'ProposalEvidenceLinks';
    all: ProposalEvidenceLink[];
    general: ProposalEvidenceLink[];
    bySuggestion: { __typename?: 'SuggestionEvidenceLinks'; suggestionId: string; links: ProposalEvidenceLink[] }[];
  };
}

/** A record found while linking (search as you type). */
export interface EvidenceOption {
  __typename?: 'Evidence';
  id: string;
  title: string;
  sourceType: EvidenceSourceType;
  dateFrom: string;
  dateTo: string | null;
  effectiveSensitivity: SensitivityLevel;
  status: EvidenceStatus;
  district: OrganizationName | null;
}

export interface EvidenceImportError {
  __typename?: 'EvidenceImportError';
  row: number;
  column: string;
  message: string;
  /** A code the web app words (MASKED_EXPORT), when the server gives one. */
  reason: string | null;
}

export interface EvidenceImportRow {
  __typename?: 'EvidenceImportRow';
  row: number;
  title: string | null;
  dateFrom: string | null;
  sourceType: EvidenceSourceType | null;
  sensitivity: SensitivityLevel | null;
  valid: boolean;
  errors: EvidenceImportError[];
}

export type EvidenceImportFormat = 'CSV' | 'XLSX';

export interface EvidenceImportPreview {
  __typename?: 'EvidenceImportPreview';
  format: EvidenceImportFormat;
  columns: string[];
  ignoredColumns: string[];
  rowCount: number;
  validCount: number;
  rows: EvidenceImportRow[];
  errors: EvidenceImportError[];
}

export interface AuditEntry {
  __typename?: 'AuditEntry';
  id: string;
  action: string;
  entityType: string;
  entityId: string | null;
  occurredAt: DateTime;
  /** JSON object with the particulars. */
  details: string;
  actor: EvidencePerson & { role: Role };
}

export interface AuditLogFilter {
  action?: string | null;
  actorId?: string | null;
  entityId?: string | null;
  from?: DateTime | null;
  to?: DateTime | null;
}

// ---- inputs

export interface EvidenceFigureInput {
  label: string;
  value: number;
  unit?: string | null;
  period?: string | null;
}

export interface EvidenceConsentInput {
  obtained: boolean;
  obtainedBy?: string | null;
  obtainedOn?: string | null;
  scope?: string | null;
  expiresOn?: string | null;
}

export interface CreateEvidenceInput {
  title: string;
  narrative?: string | null;
  dateFrom: string;
  dateTo?: string | null;
  districtId?: string | null;
  town?: string | null;
  community?: string | null;
  populations?: PopulationGroup[] | null;
  themes?: string[] | null;
  sourceType: EvidenceSourceType;
  figures?: EvidenceFigureInput[] | null;
  sensitivity?: SensitivityLevel | null;
  aboutIdentifiablePeople?: boolean | null;
  consent?: EvidenceConsentInput | null;
  markedNames?: string[] | null;
}

/** Only the fields given change; null clears an optional field. */
export interface UpdateEvidenceInput {
  id: string;
  expectedVersion?: number | null;
  title?: string | null;
  narrative?: string | null;
  dateFrom?: string | null;
  dateTo?: string | null;
  districtId?: string | null;
  town?: string | null;
  community?: string | null;
  populations?: PopulationGroup[] | null;
  themes?: string[] | null;
  sourceType?: EvidenceSourceType | null;
  figures?: EvidenceFigureInput[] | null;
}

export interface LinkEvidenceInput {
  evidenceId: string;
  proposalId: string;
  suggestionId?: string | null;
  citationId?: string | null;
  quote?: string | null;
  note?: string | null;
}

// ---------------------------------------------------------------- fragments

export const EVIDENCE_SUMMARY_FIELDS = gql`
  fragment EvidenceSummaryFields on Evidence {
    id
    title
    narrative
    dateFrom
    dateTo
    districtId
    district {
      id
      name
      nameEn
    }
    town
    community
    populations
    themes
    sourceType
    sensitivity
    effectiveSensitivity
    sensitivityHeld
    sensitivityHeldReason
    status
    rawContent
    piiCount
    version
    viewerCanManage
    updatedAt
    publishedAt
    contributor {
      id
      displayName
    }
  }
`;

export const EVIDENCE_DETAIL_FIELDS = gql`
  fragment EvidenceDetailFields on Evidence {
    ...EvidenceSummaryFields
    aboutIdentifiablePeople
    consentObtained
    consent {
      obtained
      obtainedBy
      obtainedOn
      scope
      expiresOn
    }
    figures {
      label
      value
      unit
      period
    }
    piiFindings {
      field
      kind
      start
      end
      masked
    }
    markedNames
    organization {
      id
      name
      nameEn
    }
    createdAt
    attachments {
      id
      fileName
      kind
      contentType
      size
      createdAt
      access
      downloadUrl
    }
    grants {
      id
      level
      grantedAt
      user {
        id
        displayName
        role
        organization {
          id
          name
          nameEn
        }
      }
      grantedBy {
        id
        displayName
      }
    }
    links {
      id
      kind
      note
      quote
      createdAt
      proposalId
      createdBy {
        id
        displayName
      }
      proposal {
        id
        title
        status
        year
      }
      suggestion {
        id
        number
        title
      }
    }
  }
  ${EVIDENCE_SUMMARY_FIELDS}
`;

export const PROPOSAL_EVIDENCE_LINK_FIELDS = gql`
  fragment ProposalEvidenceLinkFields on EvidenceLink {
    id
    kind
    suggestionId
    citationId
    quote
    note
    restricted
    createdAt
    createdBy {
      id
      displayName
    }
    evidence {
      id
      title
      sourceType
      dateFrom
      dateTo
      sensitivity
      effectiveSensitivity
      sensitivityHeld
      sensitivityHeldReason
      rawContent
      district {
        id
        name
        nameEn
      }
      figures {
        label
        value
        unit
        period
      }
    }
  }
`;

// ---------------------------------------------------------------- queries

/** Operation names, for refetchQueries. */
export const EVIDENCE_LIST_OPERATION = 'EvidenceList';
export const EVIDENCE_FACETS_OPERATION = 'EvidenceFacets';
export const EVIDENCE_OPERATION = 'Evidence';
export const PROPOSAL_EVIDENCE_OPERATION = 'ProposalEvidence';

export interface EvidenceListQuery {
  evidenceList: { __typename?: 'EvidenceConnection'; nodes: EvidenceSummary[]; pageInfo: PageInfo; totalCount: number };
}
export interface EvidenceListQueryVariables {
  first?: number;
  after?: string | null;
  filter?: EvidenceFilter | null;
}

export const EVIDENCE_LIST_QUERY: TypedDocumentNode<EvidenceListQuery, EvidenceListQueryVariables> = gql`
  query EvidenceList($first: Int, $after: String, $filter: EvidenceFilter) {
    evidenceList(first: $first, after: $after, filter: $filter) {
      nodes {
        ...EvidenceSummaryFields
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
  ${EVIDENCE_SUMMARY_FIELDS}
`;

export interface EvidenceFacetsQuery {
  evidenceFacets: EvidenceFacets;
}
export interface EvidenceFacetsQueryVariables {
  filter?: EvidenceFilter | null;
}

export const EVIDENCE_FACETS_QUERY: TypedDocumentNode<EvidenceFacetsQuery, EvidenceFacetsQueryVariables> = gql`
  query EvidenceFacets($filter: EvidenceFilter) {
    evidenceFacets(filter: $filter) {
      total
      districts {
        value
        count
      }
      populations {
        value
        count
      }
      themes {
        value
        count
      }
      sourceTypes {
        value
        count
      }
      sensitivities {
        value
        count
      }
    }
  }
`;

export interface EvidenceQuery {
  evidence: EvidenceDetail;
}
export interface EvidenceIdVariables {
  id: string;
}

export const EVIDENCE_QUERY: TypedDocumentNode<EvidenceQuery, EvidenceIdVariables> = gql`
  query Evidence($id: ID!) {
    evidence(id: $id) {
      ...EvidenceDetailFields
    }
  }
  ${EVIDENCE_DETAIL_FIELDS}
`;

export interface EvidenceOptionsQuery {
  evidenceList: { __typename?: 'EvidenceConnection'; nodes: EvidenceOption[]; totalCount: number };
}

/** Published records matching words, for the link dialog's search as you type. */
export const EVIDENCE_OPTIONS_QUERY: TypedDocumentNode<EvidenceOptionsQuery, EvidenceListQueryVariables> = gql`
  query EvidenceOptions($first: Int, $filter: EvidenceFilter) {
    evidenceList(first: $first, filter: $filter) {
      nodes {
        id
        title
        sourceType
        dateFrom
        dateTo
        effectiveSensitivity
        status
        district {
          id
          name
          nameEn
        }
      }
      totalCount
    }
  }
`;

export interface ProposalEvidenceQuery {
  proposal: ProposalEvidence;
}

export const PROPOSAL_EVIDENCE_QUERY: TypedDocumentNode<ProposalEvidenceQuery, EvidenceIdVariables> = gql`
  query ProposalEvidence($id: ID!) {
    proposal(id: $id) {
      id
      myRole
      suggestions {
        id
        number
        title
      }
      evidenceLinks {
        all {
          ...ProposalEvidenceLinkFields
        }
        general {
          ...ProposalEvidenceLinkFields
        }
        bySuggestion {
          suggestionId
          links {
            ...ProposalEvidenceLinkFields
          }
        }
      }
    }
  }
  ${PROPOSAL_EVIDENCE_LINK_FIELDS}
`;

export interface AuditLogQuery {
  auditLog: { __typename?: 'AuditEntryConnection'; nodes: AuditEntry[]; pageInfo: PageInfo; totalCount: number };
}
export interface AuditLogQueryVariables {
  first?: number;
  after?: string | null;
  filter?: AuditLogFilter | null;
}

export const AUDIT_LOG_QUERY: TypedDocumentNode<AuditLogQuery, AuditLogQueryVariables> = gql`
  query AuditLog($first: Int, $after: String, $filter: AuditLogFilter) {
    auditLog(first: $first, after: $after, filter: $filter) {
      nodes {
        id
        action
        entityType
        entityId
        occurredAt
        details
        actor {
          id
          displayName
          role
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
`;

// ---------------------------------------------------------------- mutations

export interface CreateEvidenceMutation {
  createEvidence: EvidenceDetail;
}
export const CREATE_EVIDENCE_MUTATION: TypedDocumentNode<CreateEvidenceMutation, { input: CreateEvidenceInput }> = gql`
  mutation CreateEvidence($input: CreateEvidenceInput!) {
    createEvidence(input: $input) {
      ...EvidenceDetailFields
    }
  }
  ${EVIDENCE_DETAIL_FIELDS}
`;

export interface UpdateEvidenceMutation {
  updateEvidence: EvidenceDetail;
}
export const UPDATE_EVIDENCE_MUTATION: TypedDocumentNode<UpdateEvidenceMutation, { input: UpdateEvidenceInput }> = gql`
  mutation UpdateEvidence($input: UpdateEvidenceInput!) {
    updateEvidence(input: $input) {
      ...EvidenceDetailFields
    }
  }
  ${EVIDENCE_DETAIL_FIELDS}
`;

export interface EvidenceTransitionVariables {
  input: { id: string; expectedVersion?: number | null };
}
export interface PublishEvidenceMutation {
  publishEvidence: EvidenceDetail;
}
export const PUBLISH_EVIDENCE_MUTATION: TypedDocumentNode<PublishEvidenceMutation, EvidenceTransitionVariables> = gql`
  mutation PublishEvidence($input: EvidenceTransitionInput!) {
    publishEvidence(input: $input) {
      ...EvidenceDetailFields
    }
  }
  ${EVIDENCE_DETAIL_FIELDS}
`;

export interface PublishEvidenceManyMutation {
  publishEvidenceMany: Pick<EvidenceSummary, '__typename' | 'id' | 'status' | 'version'>[];
}
/** All or none; a refusal lists each refused record in `extensions.failures`. */
export const PUBLISH_EVIDENCE_MANY_MUTATION: TypedDocumentNode<PublishEvidenceManyMutation, { input: { ids: string[] } }> = gql`
  mutation PublishEvidenceMany($input: PublishEvidenceManyInput!) {
    publishEvidenceMany(input: $input) {
      id
      status
      version
    }
  }
`;

export interface WithdrawEvidenceMutation {
  withdrawEvidence: EvidenceDetail;
}
export const WITHDRAW_EVIDENCE_MUTATION: TypedDocumentNode<WithdrawEvidenceMutation, EvidenceTransitionVariables> = gql`
  mutation WithdrawEvidence($input: EvidenceTransitionInput!) {
    withdrawEvidence(input: $input) {
      ...EvidenceDetailFields
    }
  }
  ${EVIDENCE_DETAIL_FIELDS}
`;

export interface ChangeEvidenceSensitivityMutation {
  changeEvidenceSensitivity: EvidenceDetail;
}
export interface ChangeEvidenceSensitivityVariables {
  input: { id: string; sensitivity: SensitivityLevel; reason?: string | null; expectedVersion?: number | null };
}
export const CHANGE_EVIDENCE_SENSITIVITY_MUTATION: TypedDocumentNode<ChangeEvidenceSensitivityMutation, ChangeEvidenceSensitivityVariables> = gql`
  mutation ChangeEvidenceSensitivity($input: ChangeEvidenceSensitivityInput!) {
    changeEvidenceSensitivity(input: $input) {
      ...EvidenceDetailFields
    }
  }
  ${EVIDENCE_DETAIL_FIELDS}
`;

export interface RecordEvidenceConsentMutation {
  recordEvidenceConsent: EvidenceDetail;
}
export interface RecordEvidenceConsentVariables {
  input: { id: string; consent: EvidenceConsentInput; aboutIdentifiablePeople?: boolean | null; expectedVersion?: number | null };
}
export const RECORD_EVIDENCE_CONSENT_MUTATION: TypedDocumentNode<RecordEvidenceConsentMutation, RecordEvidenceConsentVariables> = gql`
  mutation RecordEvidenceConsent($input: RecordEvidenceConsentInput!) {
    recordEvidenceConsent(input: $input) {
      ...EvidenceDetailFields
    }
  }
  ${EVIDENCE_DETAIL_FIELDS}
`;

export interface MarkEvidenceNamesMutation {
  markEvidenceNames: EvidenceDetail;
}
export interface MarkEvidenceNamesVariables {
  input: { id: string; names: string[]; expectedVersion?: number | null };
}
export const MARK_EVIDENCE_NAMES_MUTATION: TypedDocumentNode<MarkEvidenceNamesMutation, MarkEvidenceNamesVariables> = gql`
  mutation MarkEvidenceNames($input: MarkEvidenceNamesInput!) {
    markEvidenceNames(input: $input) {
      ...EvidenceDetailFields
    }
  }
  ${EVIDENCE_DETAIL_FIELDS}
`;

export interface GrantEvidenceAccessMutation {
  grantEvidenceAccess: EvidenceDetail;
}
export interface GrantEvidenceAccessVariables {
  input: { evidenceId: string; userId: string; level: EvidenceGrantLevel };
}
export const GRANT_EVIDENCE_ACCESS_MUTATION: TypedDocumentNode<GrantEvidenceAccessMutation, GrantEvidenceAccessVariables> = gql`
  mutation GrantEvidenceAccess($input: GrantEvidenceAccessInput!) {
    grantEvidenceAccess(input: $input) {
      ...EvidenceDetailFields
    }
  }
  ${EVIDENCE_DETAIL_FIELDS}
`;

export interface RevokeEvidenceAccessMutation {
  revokeEvidenceAccess: EvidenceDetail;
}
export interface RevokeEvidenceAccessVariables {
  input: { evidenceId: string; userId: string };
}
export const REVOKE_EVIDENCE_ACCESS_MUTATION: TypedDocumentNode<RevokeEvidenceAccessMutation, RevokeEvidenceAccessVariables> = gql`
  mutation RevokeEvidenceAccess($input: RevokeEvidenceAccessInput!) {
    revokeEvidenceAccess(input: $input) {
      ...EvidenceDetailFields
    }
  }
  ${EVIDENCE_DETAIL_FIELDS}
`;

export interface LinkEvidenceMutation {
  linkEvidence: ProposalEvidenceLink;
}
export const LINK_EVIDENCE_MUTATION: TypedDocumentNode<LinkEvidenceMutation, { input: LinkEvidenceInput }> = gql`
  mutation LinkEvidence($input: LinkEvidenceInput!) {
    linkEvidence(input: $input) {
      ...ProposalEvidenceLinkFields
    }
  }
  ${PROPOSAL_EVIDENCE_LINK_FIELDS}
`;

export interface UnlinkEvidenceMutation {
  unlinkEvidence: string;
}
export const UNLINK_EVIDENCE_MUTATION: TypedDocumentNode<UnlinkEvidenceMutation, { linkId: string }> = gql`
  mutation UnlinkEvidence($linkId: ID!) {
    unlinkEvidence(linkId: $linkId)
  }
`;

export interface ImportVariables {
  file: string;
  format: EvidenceImportFormat;
}
export interface PreviewEvidenceImportMutation {
  previewEvidenceImport: EvidenceImportPreview;
}
export const PREVIEW_EVIDENCE_IMPORT_MUTATION: TypedDocumentNode<PreviewEvidenceImportMutation, ImportVariables> = gql`
  mutation PreviewEvidenceImport($file: String!, $format: EvidenceImportFormat!) {
    previewEvidenceImport(file: $file, format: $format) {
      format
      columns
      ignoredColumns
      rowCount
      validCount
      rows {
        row
        title
        dateFrom
        sourceType
        sensitivity
        valid
        errors {
          row
          column
          message
          reason
        }
      }
      errors {
        row
        column
        message
        reason
      }
    }
  }
`;

export interface CommitEvidenceImportMutation {
  commitEvidenceImport: {
    __typename?: 'EvidenceImportResult';
    count: number;
    evidence: Pick<EvidenceSummary, '__typename' | 'id' | 'title' | 'status' | 'effectiveSensitivity' | 'sourceType' | 'dateFrom'>[];
  };
}
export const COMMIT_EVIDENCE_IMPORT_MUTATION: TypedDocumentNode<CommitEvidenceImportMutation, ImportVariables> = gql`
  mutation CommitEvidenceImport($file: String!, $format: EvidenceImportFormat!) {
    commitEvidenceImport(file: $file, format: $format) {
      count
      evidence {
        id
        title
        status
        effectiveSensitivity
        sourceType
        dateFrom
      }
    }
  }
`;
