import {
  PROGRAM_AREAS,
  PROPOSAL_STATUSES,
  PROPOSAL_TRANSITIONS,
  SUGGESTION_STATUSES,
  SUGGESTION_DECIDER_ACCOUNT_ROLES,
  SUGGESTION_TRANSITIONS,
  allowedSuggestionTransitions,
  allowedTransitions,
  canHoldProposalRole,
  capabilitiesOf,
  checkProposalTransition,
  checkSuggestionTransition,
  canDecideSuggestions,
  suggestionPath,
  isProgramAreaCode,
  isProposalEditable,
  programAreaLabel,
  proposalTransitionsFrom,
  suggestionTransitionRequiresNote,
  suggestionTransitionsFrom,
} from './proposals';

describe('proposal workflow', () => {
  it.each([
    ['draft', 'owner', 'member', ['in_review']],
    ['draft', 'coauthor', 'member', ['in_review']],
    ['draft', 'reviewer', 'member', []],
    ['draft', 'viewer', 'admin', []],
    ['draft', null, 'admin', []],
    ['in_review', 'owner', 'member', ['draft', 'submitted']],
    ['in_review', 'coauthor', 'member', ['draft']],
    ['in_review', null, 'leader', []],
    ['submitted', 'owner', 'member', ['answered']],
    ['submitted', 'coauthor', 'member', []],
    ['submitted', null, 'leader', ['answered']],
    ['submitted', null, 'admin', ['answered']],
    ['submitted', null, 'researcher', []],
    ['answered', 'owner', 'member', ['closed']],
    ['answered', null, 'admin', ['closed']],
    ['answered', null, 'leader', []],
    ['answered', 'coauthor', 'member', []],
    ['closed', 'owner', 'admin', []],
  ] as const)('from %s a %s (account %s) may go to %p', (status, proposalRole, userRole, expected) => {
    expect(allowedTransitions(status, { proposalRole, userRole })).toEqual(expected);
  });

  it('tells a move that does not exist from one the caller may not make', () => {
    expect(checkProposalTransition('draft', 'submitted', { proposalRole: 'owner', userRole: 'member' })).toBe('invalid');
    expect(checkProposalTransition('in_review', 'submitted', { proposalRole: 'coauthor', userRole: 'member' })).toBe('forbidden');
    expect(checkProposalTransition('in_review', 'submitted', { proposalRole: 'owner', userRole: 'member' })).toBeNull();
    expect(checkProposalTransition('closed', 'draft', { proposalRole: 'owner', userRole: 'admin' })).toBe('invalid');
  });

  it('lists every move from a status whoever asks, and only known statuses', () => {
    expect(proposalTransitionsFrom('in_review')).toEqual(['draft', 'submitted']);
    expect(proposalTransitionsFrom('closed')).toEqual([]);
    for (const rule of PROPOSAL_TRANSITIONS) {
      expect(PROPOSAL_STATUSES).toContain(rule.from);
      expect(PROPOSAL_STATUSES).toContain(rule.to);
    }
  });

  it('allows editing only while draft or in review', () => {
    expect(PROPOSAL_STATUSES.filter(isProposalEditable)).toEqual(['draft', 'in_review']);
  });
});

describe('proposal member roles', () => {
  it('gives each role its capabilities, and none to non-members', () => {
    expect(capabilitiesOf('owner')).toEqual({ canEdit: true, canComment: true, canManageMembers: true });
    expect(capabilitiesOf('coauthor')).toEqual({ canEdit: true, canComment: true, canManageMembers: false });
    expect(capabilitiesOf('reviewer')).toEqual({ canEdit: false, canComment: true, canManageMembers: false });
    expect(capabilitiesOf('viewer')).toEqual({ canEdit: false, canComment: false, canManageMembers: false });
    expect(capabilitiesOf(null)).toEqual({ canEdit: false, canComment: false, canManageMembers: false });
  });

  it('lets only authoring accounts own or co-author, and anyone review or view', () => {
    expect(canHoldProposalRole('member', 'owner')).toBe(true);
    expect(canHoldProposalRole('leader', 'coauthor')).toBe(true);
    expect(canHoldProposalRole('contributor', 'coauthor')).toBe(false);
    expect(canHoldProposalRole('researcher', 'owner')).toBe(false);
    expect(canHoldProposalRole('researcher', 'reviewer')).toBe(true);
    expect(canHoldProposalRole('contributor', 'viewer')).toBe(true);
  });
});

describe('suggestion statuses', () => {
  it('moves drafted to submitted only with the proposal, never by hand', () => {
    expect(suggestionTransitionsFrom('drafted')).toEqual(['submitted']);
    expect(allowedSuggestionTransitions('drafted', { proposalRole: 'owner', userRole: 'admin' })).toEqual([]);
  });

  it('finds the shortest path of moves between two statuses, or none', () => {
    expect(suggestionPath('submitted', 'implemented')).toEqual(['adopted', 'implemented']);
    expect(suggestionPath('not_adopted', 'adopted')).toEqual(['under_consideration', 'adopted']);
    expect(suggestionPath('adopted', 'adopted')).toEqual([]);
    expect(suggestionPath('implemented', 'adopted')).toBeNull();
    expect(suggestionPath('drafted', 'adopted')).toBeNull();
    expect(canDecideSuggestions({ proposalRole: 'coauthor', userRole: 'member' })).toBe(true);
    expect(canDecideSuggestions({ proposalRole: 'reviewer', userRole: 'researcher' })).toBe(false);
    expect([...SUGGESTION_DECIDER_ACCOUNT_ROLES].sort()).toEqual(['admin', 'leader', 'member']);
  });

  it('lets owners, co-authors, leaders and admins record outcomes, and nobody else', () => {
    const outcomes = ['under_consideration', 'adopted', 'partially_adopted', 'included_in_plan', 'not_adopted'];
    expect(allowedSuggestionTransitions('submitted', { proposalRole: 'owner', userRole: 'member' })).toEqual(outcomes);
    expect(allowedSuggestionTransitions('submitted', { proposalRole: null, userRole: 'leader' })).toEqual(outcomes);
    expect(allowedSuggestionTransitions('submitted', { proposalRole: null, userRole: 'admin' })).toEqual(outcomes);
    expect(allowedSuggestionTransitions('submitted', { proposalRole: 'coauthor', userRole: 'member' })).toEqual(outcomes);
    expect(allowedSuggestionTransitions('submitted', { proposalRole: null, userRole: 'researcher' })).toEqual([]);
    expect(checkSuggestionTransition('submitted', 'adopted', { proposalRole: 'reviewer', userRole: 'member' })).toBe('forbidden');
    expect(checkSuggestionTransition('implemented', 'adopted', { proposalRole: 'owner', userRole: 'admin' })).toBe('invalid');
  });

  it('treats implemented as final and asks for a reason when not adopted', () => {
    expect(suggestionTransitionsFrom('implemented')).toEqual([]);
    expect(suggestionTransitionsFrom('adopted')).toEqual(['implemented']);
    expect(suggestionTransitionRequiresNote('submitted', 'not_adopted')).toBe(true);
    expect(suggestionTransitionRequiresNote('submitted', 'adopted')).toBe(false);
  });

  it('uses only known statuses, and every status but drafted can be reached', () => {
    for (const rule of SUGGESTION_TRANSITIONS) {
      expect(SUGGESTION_STATUSES).toContain(rule.from);
      expect(SUGGESTION_STATUSES).toContain(rule.to);
    }
    const reachable = new Set(SUGGESTION_TRANSITIONS.map((r) => r.to));
    expect(SUGGESTION_STATUSES.filter((s) => !reachable.has(s))).toEqual(['drafted']);
  });
});

describe('program areas', () => {
  it('has the 8 women’s and 7 children’s areas with Chinese and English labels', () => {
    expect(PROGRAM_AREAS.filter((a) => a.program === 'women')).toHaveLength(8);
    expect(PROGRAM_AREAS.filter((a) => a.program === 'children')).toHaveLength(7);
    expect(new Set(PROGRAM_AREAS.map((a) => a.code)).size).toBe(15);
    expect(programAreaLabel('women_economy')).toBe('妇女与经济');
    expect(programAreaLabel('children_law', 'en')).toBe('Children and legal protection');
    expect(programAreaLabel('nonsense')).toBeNull();
    expect(isProgramAreaCode('women_social_security')).toBe(true);
    expect(isProgramAreaCode('women')).toBe(false);
  });
});
