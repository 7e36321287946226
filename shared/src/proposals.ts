import { ROLES, type Role } from './roles';

/**
 * Proposals (建议 / 提案) and their numbered suggestions (建议条目): statuses, who may move
 * them, member roles and limits. The API enforces these; the web uses them to offer only
 * the actions that will succeed.
 */

// ---------------------------------------------------------------- limits

export const PROPOSAL_TITLE_MAX_LENGTH = 200;
export const PROPOSAL_SUMMARY_MAX_LENGTH = 5000;
export const PROPOSAL_TARGET_MAX_LENGTH = 200;
export const PROPOSAL_YEAR_MIN = 2000;
export const PROPOSAL_YEAR_MAX = 2100;
export const PROPOSAL_TOPIC_MAX_LENGTH = 40;
export const PROPOSAL_TOPICS_MAX = 10;
export const SUGGESTION_TITLE_MAX_LENGTH = 200;
export const SUGGESTION_TEXT_MAX_LENGTH = 5000;
export const COMMENT_BODY_MAX_LENGTH = 5000;
export const COMMENT_MENTIONS_MAX = 20;
export const STATUS_NOTE_MAX_LENGTH = 2000;
export const STATUS_SOURCE_MAX_LENGTH = 500;
export const ANSWER_REPLYING_UNIT_MAX_LENGTH = 200;
export const ANSWER_TEXT_MAX_LENGTH = 20000;

// ---------------------------------------------------------------- proposal statuses

export const PROPOSAL_STATUSES = ['draft', 'in_review', 'submitted', 'answered', 'closed'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** While a proposal is in one of these, its text and suggestions can be edited and only its members see it. */
export const EDITABLE_PROPOSAL_STATUSES: readonly ProposalStatus[] = ['draft', 'in_review'];

export function isProposalEditable(status: ProposalStatus): boolean {
  return EDITABLE_PROPOSAL_STATUSES.includes(status);
}

/** Leaders and admins of the federation see proposals in these statuses too, not only members. */
export const FEDERATION_VISIBLE_PROPOSAL_STATUSES: readonly ProposalStatus[] = ['submitted', 'answered', 'closed'];

// ---------------------------------------------------------------- proposal member roles

export const PROPOSAL_ROLES = ['owner', 'coauthor', 'reviewer', 'viewer'] as const;
export type ProposalRole = (typeof PROPOSAL_ROLES)[number];

export interface ProposalCapabilities {
  /** Edit the title, summary and suggestions (only while draft or in review). */
  canEdit: boolean;
  /** Write comments and reply in threads. */
  canComment: boolean;
  /** Add and remove members and change their roles. */
  canManageMembers: boolean;
}

export const PROPOSAL_ROLE_CAPABILITIES: Record<ProposalRole, ProposalCapabilities> = {
  owner: { canEdit: true, canComment: true, canManageMembers: true },
  coauthor: { canEdit: true, canComment: true, canManageMembers: false },
  reviewer: { canEdit: false, canComment: true, canManageMembers: false },
  viewer: { canEdit: false, canComment: false, canManageMembers: false },
};

const NO_CAPABILITIES: ProposalCapabilities = { canEdit: false, canComment: false, canManageMembers: false };

/** What a member with this role may do; a non-member (null) may do nothing. */
export function capabilitiesOf(role: ProposalRole | null | undefined): ProposalCapabilities {
  return role ? PROPOSAL_ROLE_CAPABILITIES[role] : NO_CAPABILITIES;
}

/** Account roles that may create proposals and be their owners or co-authors. */
export const PROPOSAL_AUTHOR_ROLES: readonly Role[] = ['member', 'leader', 'admin'];

/** Whether an account with `userRole` may hold `proposalRole` on a proposal. Anyone may review or view. */
export function canHoldProposalRole(userRole: Role, proposalRole: ProposalRole): boolean {
  return proposalRole === 'reviewer' || proposalRole === 'viewer' || PROPOSAL_AUTHOR_ROLES.includes(userRole);
}

// ---------------------------------------------------------------- proposal workflow

export interface TransitionRule<S extends string> {
  from: S;
  to: S;
  /** Proposal members with these roles may make the move. */
  proposalRoles: readonly ProposalRole[];
  /** Accounts with these roles may make it too, without being members (within their federation). */
  userRoles: readonly Role[];
}

export const PROPOSAL_TRANSITIONS: readonly TransitionRule<ProposalStatus>[] = [
  { from: 'draft', to: 'in_review', proposalRoles: ['owner', 'coauthor'], userRoles: [] },
  { from: 'in_review', to: 'draft', proposalRoles: ['owner', 'coauthor'], userRoles: [] },
  { from: 'in_review', to: 'submitted', proposalRoles: ['owner'], userRoles: [] },
  { from: 'submitted', to: 'answered', proposalRoles: ['owner'], userRoles: ['admin', 'leader'] },
  { from: 'answered', to: 'closed', proposalRoles: ['owner'], userRoles: ['admin'] },
];

/** Who is asking: the role on the proposal (null when not a member) and the account role. */
export interface TransitionActor {
  proposalRole: ProposalRole | null | undefined;
  userRole: Role;
}

function permits<S extends string>(rule: TransitionRule<S>, actor: TransitionActor): boolean {
  return (!!actor.proposalRole && rule.proposalRoles.includes(actor.proposalRole)) || rule.userRoles.includes(actor.userRole);
}

/** Every status a proposal may move to from `status`, whoever asks. */
export function proposalTransitionsFrom(status: ProposalStatus): ProposalStatus[] {
  return PROPOSAL_TRANSITIONS.filter((r) => r.from === status).map((r) => r.to);
}

/** The statuses this caller may move a proposal to from `status`. */
export function allowedTransitions(status: ProposalStatus, actor: TransitionActor): ProposalStatus[] {
  return PROPOSAL_TRANSITIONS.filter((r) => r.from === status && permits(r, actor)).map((r) => r.to);
}

/**
 * Why a proposal move is refused, or null when it is allowed: `invalid` when the workflow has
 * no such move from `from`, `forbidden` when it exists but this caller may not make it.
 */
export function checkProposalTransition(
  from: ProposalStatus,
  to: ProposalStatus,
  actor: TransitionActor,
): 'invalid' | 'forbidden' | null {
  const rule = PROPOSAL_TRANSITIONS.find((r) => r.from === from && r.to === to);
  if (!rule) return 'invalid';
  return permits(rule, actor) ? null : 'forbidden';
}

// ---------------------------------------------------------------- suggestion statuses

export const SUGGESTION_STATUSES = [
  'drafted',
  'submitted',
  'under_consideration',
  'adopted',
  'partially_adopted',
  'included_in_plan',
  'not_adopted',
  'implemented',
] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

export const SUGGESTION_STATUS_LABELS: Record<SuggestionStatus, { zh: string; en: string }> = {
  drafted: { zh: '起草中', en: 'Drafted' },
  submitted: { zh: '已提交', en: 'Submitted' },
  under_consideration: { zh: '办理中', en: 'Under consideration' },
  adopted: { zh: '已采纳', en: 'Adopted' },
  partially_adopted: { zh: '部分采纳', en: 'Partially adopted' },
  included_in_plan: { zh: '列入计划', en: 'Included in plan' },
  not_adopted: { zh: '未采纳', en: 'Not adopted' },
  implemented: { zh: '已落实', en: 'Implemented' },
};

/** Suggestions in these statuses may still be deleted (while their proposal is editable). */
export const DELETABLE_SUGGESTION_STATUSES: readonly SuggestionStatus[] = ['drafted', 'submitted'];

/**
 * Who decides what became of a suggestion, by hand or by recording an adoption: the proposal's
 * owners and co-authors, and the federation's leaders and admins. The only rule for both paths.
 */
const SUGGESTION_DECIDERS = { proposalRoles: ['owner', 'coauthor'], userRoles: ['admin', 'leader'] } as const;

export interface SuggestionTransitionRule extends TransitionRule<SuggestionStatus> {
  /** The move needs a note (e.g. the reason a suggestion was not adopted). */
  requiresNote?: boolean;
}

function decided(from: SuggestionStatus, targets: SuggestionStatus[]): SuggestionTransitionRule[] {
  return targets.map((to) => ({ from, to, ...SUGGESTION_DECIDERS, ...(to === 'not_adopted' ? { requiresNote: true } : {}) }));
}

/**
 * drafted → submitted happens only when the proposal is submitted (nobody makes it by hand);
 * the others are recorded by the proposal's owners and co-authors or the federation's leaders and admins.
 */
export const SUGGESTION_TRANSITIONS: readonly SuggestionTransitionRule[] = [
  { from: 'drafted', to: 'submitted', proposalRoles: [], userRoles: [] },
  ...decided('submitted', ['under_consideration', 'adopted', 'partially_adopted', 'included_in_plan', 'not_adopted']),
  ...decided('under_consideration', ['adopted', 'partially_adopted', 'included_in_plan', 'not_adopted']),
  ...decided('included_in_plan', ['adopted', 'partially_adopted', 'implemented', 'not_adopted']),
  ...decided('partially_adopted', ['adopted', 'implemented']),
  ...decided('adopted', ['implemented']),
  ...decided('not_adopted', ['under_consideration']),
];

export function suggestionTransitionsFrom(status: SuggestionStatus): SuggestionStatus[] {
  return SUGGESTION_TRANSITIONS.filter((r) => r.from === status).map((r) => r.to);
}

/** The statuses this caller may move a suggestion to from `status`. */
export function allowedSuggestionTransitions(status: SuggestionStatus, actor: TransitionActor): SuggestionStatus[] {
  return SUGGESTION_TRANSITIONS.filter((r) => r.from === status && permits(r, actor)).map((r) => r.to);
}

export function checkSuggestionTransition(
  from: SuggestionStatus,
  to: SuggestionStatus,
  actor: TransitionActor,
): 'invalid' | 'forbidden' | null {
  const rule = SUGGESTION_TRANSITIONS.find((r) => r.from === from && r.to === to);
  if (!rule) return 'invalid';
  return permits(rule, actor) ? null : 'forbidden';
}

/** Whether this caller decides suggestions' outcomes at all (SUGGESTION_DECIDERS), whatever the status. */
export function canDecideSuggestions(actor: TransitionActor): boolean {
  return permits({ from: 'submitted', to: 'submitted', ...SUGGESTION_DECIDERS }, actor);
}

/** Account roles that can decide outcomes: those of SUGGESTION_DECIDERS, and those that may be an owner or co-author. */
export const SUGGESTION_DECIDER_ACCOUNT_ROLES: readonly Role[] = ROLES.filter(
  (role) => (SUGGESTION_DECIDERS.userRoles as readonly Role[]).includes(role) || SUGGESTION_DECIDERS.proposalRoles.some((p) => canHoldProposalRole(role, p)),
);

/**
 * The fewest moves of SUGGESTION_TRANSITIONS from `from` to `to` (e.g. submitted → adopted →
 * implemented), as the statuses after each move; [] when already there, null when unreachable.
 * drafted → submitted is never part of a path: nobody makes it by hand.
 */
export function suggestionPath(from: SuggestionStatus, to: SuggestionStatus): SuggestionStatus[] | null {
  if (from === to) return [];
  const previous = new Map<SuggestionStatus, SuggestionStatus>();
  const queue: SuggestionStatus[] = [from];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const rule of SUGGESTION_TRANSITIONS) {
      if (rule.from !== current || rule.from === 'drafted' || rule.to === from || previous.has(rule.to)) continue;
      previous.set(rule.to, current);
      if (rule.to === to) {
        const path: SuggestionStatus[] = [to];
        for (let s = current; s !== from; s = previous.get(s)!) path.unshift(s);
        return path;
      }
      queue.push(rule.to);
    }
  }
  return null;
}

export function suggestionTransitionRequiresNote(from: SuggestionStatus, to: SuggestionStatus): boolean {
  return !!SUGGESTION_TRANSITIONS.find((r) => r.from === from && r.to === to)?.requiresNote;
}

// ---------------------------------------------------------------- official answers

/** How an official reply classes the outcome. */
export const ANSWER_CLASSES = ['A', 'B', 'C'] as const;
export type AnswerClass = (typeof ANSWER_CLASSES)[number];

export const ANSWER_CLASS_LABELS: Record<AnswerClass, { zh: string; en: string }> = {
  A: { zh: '已解决或基本解决', en: 'Solved or basically solved' },
  B: { zh: '列入计划逐步解决', en: 'Included in plans, to be solved step by step' },
  C: { zh: '留作参考或因条件限制暂不能解决', en: 'Kept for reference, or not possible for now' },
};

// ---------------------------------------------------------------- program areas

/**
 * The areas of the national Women's (8) and Children's (7) Development Programs 2021–2030,
 * which district programs mirror. Usable as proposal topics and as a suggestion's area.
 */
export const PROGRAM_AREAS = [
  { code: 'women_health', program: 'women', zh: '妇女与健康', en: 'Women and health' },
  { code: 'women_education', program: 'women', zh: '妇女与教育', en: 'Women and education' },
  { code: 'women_economy', program: 'women', zh: '妇女与经济', en: 'Women and the economy' },
  { code: 'women_decision_making', program: 'women', zh: '妇女参与决策和管理', en: 'Women in decision-making and management' },
  { code: 'women_social_security', program: 'women', zh: '妇女与社会保障', en: 'Women and social security' },
  { code: 'women_family', program: 'women', zh: '妇女与家庭建设', en: 'Women and family building' },
  { code: 'women_environment', program: 'women', zh: '妇女与环境', en: 'Women and the environment' },
  { code: 'women_law', program: 'women', zh: '妇女与法律', en: 'Women and the law' },
  { code: 'children_health', program: 'children', zh: '儿童与健康', en: 'Children and health' },
  { code: 'children_safety', program: 'children', zh: '儿童与安全', en: 'Children and safety' },
  { code: 'children_education', program: 'children', zh: '儿童与教育', en: 'Children and education' },
  { code: 'children_welfare', program: 'children', zh: '儿童与福利', en: 'Children and welfare' },
  { code: 'children_family', program: 'children', zh: '儿童与家庭', en: 'Children and family' },
  { code: 'children_environment', program: 'children', zh: '儿童与环境', en: 'Children and the environment' },
  { code: 'children_law', program: 'children', zh: '儿童与法律保护', en: 'Children and legal protection' },
] as const;

export type ProgramAreaCode = (typeof PROGRAM_AREAS)[number]['code'];
export const PROGRAM_AREA_CODES = PROGRAM_AREAS.map((a) => a.code) as unknown as readonly [ProgramAreaCode, ...ProgramAreaCode[]];

export function isProgramAreaCode(value: unknown): value is ProgramAreaCode {
  return typeof value === 'string' && (PROGRAM_AREA_CODES as readonly string[]).includes(value);
}

export function programAreaLabel(code: string, language: 'zh' | 'en' = 'zh'): string | null {
  return PROGRAM_AREAS.find((a) => a.code === code)?.[language] ?? null;
}

/** How a version came to be: saved by hand with a name, frozen at submission, or made by restoring an older one. */
export const PROPOSAL_VERSION_KINDS = ['manual', 'submitted', 'restored'] as const;
export type ProposalVersionKind = (typeof PROPOSAL_VERSION_KINDS)[number];
export const VERSION_NAME_MAX_LENGTH = 100;
