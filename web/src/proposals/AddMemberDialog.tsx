import { useMutation, useQuery } from '@apollo/client';
import { PROPOSAL_ROLES, canHoldProposalRole, type ProposalRole } from '@jianyan/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TEST_IDS } from '../app/testids';
import { toAppError, type AppError } from '../graphql/errors';
import { ADD_PROPOSAL_MEMBER_MUTATION, PEOPLE_QUERY } from '../graphql/proposals';
import type { PersonSummary } from '../graphql/types';
import { useLabels } from '../i18n/labels';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { SearchPicker, useTypedSearch } from '../ui/SearchPicker';
import { fieldErrorOf } from './errors';
import { useProposalLabels } from './labels';
import type { SectionProps } from './section';

const RESULTS = 20;

/** Owners add a member: find a person of the federation (`people`), pick a role, add. */
export function AddMemberDialog(props: SectionProps & { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={props.open} title={t('members.addTitle')} onClose={props.onClose}>
      <AddMemberForm {...props} />
    </Dialog>
  );
}

function defaultRole(person: PersonSummary | null): ProposalRole {
  return person && !canHoldProposalRole(person.role, 'coauthor') ? 'reviewer' : 'coauthor';
}

function AddMemberForm({ proposal, notify, onClose }: SectionProps & { onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const proposalLabels = useProposalLabels();
  const id = useId();
  const { typed, setTyped, search } = useTypedSearch();
  const [chosen, setChosen] = useState<PersonSummary | null>(null);
  const [role, setRole] = useState<ProposalRole>('coauthor');
  const [error, setError] = useState<AppError | null>(null);
  const [chooseHint, setChooseHint] = useState(false);
  const [addMember, { loading }] = useMutation(ADD_PROPOSAL_MEMBER_MUTATION);

  const people = useQuery(PEOPLE_QUERY, { variables: { search: search || null, first: RESULTS }, fetchPolicy: 'network-only' });
  const results = people.data?.people ?? [];
  const memberIds = new Set(proposal.members.map((m) => m.user.id));
  const roles = PROPOSAL_ROLES.filter((r) => !chosen || canHoldProposalRole(chosen.role, r));

  function choose(person: PersonSummary) {
    setChosen(person);
    setChooseHint(false);
    setError(null);
    if (!canHoldProposalRole(person.role, role)) setRole(defaultRole(person));
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!chosen) {
      setChooseHint(true);
      return;
    }
    try {
      await addMember({ variables: { input: { proposalId: proposal.id, userId: chosen.id, role } } });
      notify(t('members.added', { name: chosen.displayName }));
      onClose();
    } catch (caught) {
      setError(toAppError(caught));
    }
  }

  const refusal = error ? fieldErrorOf(t, error, ['userId', 'role'] as const)?.message : undefined;

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <SearchPicker
        id={id}
        texts={{
          label: t('members.search'),
          placeholder: t('members.searchPlaceholder'),
          hint: t('members.searchHint'),
          failed: t('members.searchFailed'),
          searching: t('members.searching'),
          noResults: t('members.noResults'),
          resultsLabel: t('members.resultsLabel'),
        }}
        typed={typed}
        onType={setTyped}
        inputTestId={TEST_IDS.memberSearch}
        query={people}
        results={results}
        renderOption={(person) => {
          const member = memberIds.has(person.id);
          const selected = chosen?.id === person.id;
          return (
            <button
              type="button"
              className={`person-option${selected ? ' person-option-selected' : ''}`}
              aria-pressed={selected}
              aria-label={t('members.choose', { name: person.displayName })}
              disabled={member}
              onClick={() => choose(person)}
              data-testid={TEST_IDS.memberOption}
              data-user-id={person.id}
            >
              <span className="person-name">{person.displayName}</span>
              <span className="muted small">
                {labels.organization(person.organization)} · {labels.role(person.role)}
              </span>
              {member && <span className="badge badge-muted">{t('members.alreadyMember')}</span>}
            </button>
          );
        }}
      />
      {chooseHint && (
        <p className="field-error" role="alert">
          {t('members.chooseFirst')}
        </p>
      )}

      <div className="field">
        <label htmlFor={`${id}-role`} className="field-label">
          {t('members.role')}
        </label>
        <select
          id={`${id}-role`}
          className="input"
          value={role}
          aria-describedby={`${id}-role-hint`}
          onChange={(event) => setRole(event.target.value as ProposalRole)}
          data-testid={TEST_IDS.memberRoleSelect}
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {proposalLabels.proposalRole(r)}
            </option>
          ))}
        </select>
        <p id={`${id}-role-hint`} className="field-hint">
          {chosen && !canHoldProposalRole(chosen.role, 'coauthor')
            ? t('members.roleNotAllowed', { accountRole: labels.role(chosen.role) })
            : t('members.roleHint')}
        </p>
      </div>

      <ErrorNotice error={error} message={refusal} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} disabled={loading}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={loading} data-testid={TEST_IDS.memberAddSubmit}>
          {loading ? t('common.working') : t('members.submit')}
        </button>
      </div>
    </form>
  );
}
