import { useMutation } from '@apollo/client';
import { PROPOSAL_ROLES, canHoldProposalRole, type ProposalRole } from '@jianyan/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { TEST_IDS } from '../app/testids';
import { useCurrentUser } from '../auth/session';
import { toAppError, type AppError } from '../graphql/errors';
import { CHANGE_PROPOSAL_MEMBER_ROLE_MUTATION, REMOVE_PROPOSAL_MEMBER_MUTATION } from '../graphql/proposals';
import type { ProposalMember } from '../graphql/types';
import { useLabels } from '../i18n/labels';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { AddMemberDialog } from './AddMemberDialog';
import { fieldErrorOf } from './errors';
import { useProposalLabels } from './labels';
import type { SectionProps } from './section';

/** Members and their roles; owners add people, change roles and remove; anyone may leave. */
export function MembersSection(props: SectionProps) {
  const { proposal, permissions, notify } = props;
  const { t } = useTranslation();
  const me = useCurrentUser();
  const labels = useLabels();
  const proposalLabels = useProposalLabels();
  const navigate = useNavigate();
  const headingId = useId();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<ProposalMember | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [changeRole, roleChange] = useMutation(CHANGE_PROPOSAL_MEMBER_ROLE_MUTATION);
  const [removeMember, removal] = useMutation(REMOVE_PROPOSAL_MEMBER_MUTATION);
  const [removeError, setRemoveError] = useState<AppError | null>(null);

  /** A refusal naming the person or the role gets a specific message (e.g. the last owner stays). */
  const refusalMessage = (appError: AppError | null): string | undefined => {
    if (!appError) return undefined;
    return fieldErrorOf(t, appError, ['userId', 'role'] as const)?.message;
  };

  async function onRoleChange(member: ProposalMember, role: ProposalRole) {
    setError(null);
    try {
      await changeRole({ variables: { input: { proposalId: proposal.id, userId: member.user.id, role } } });
      notify(t('members.roleChanged', { name: member.user.displayName, role: proposalLabels.proposalRole(role) }));
    } catch (caught) {
      setError(toAppError(caught));
    }
  }

  async function onRemove() {
    if (!removing) return;
    setRemoveError(null);
    const leaving = removing.user.id === me.id;
    try {
      await removeMember({ variables: { input: { proposalId: proposal.id, userId: removing.user.id } } });
      setRemoving(null);
      if (leaving) {
        navigate('/proposals');
        return;
      }
      notify(t('members.removed', { name: removing.user.displayName }));
    } catch (caught) {
      setRemoveError(toAppError(caught));
    }
  }

  const leaving = removing?.user.id === me.id;
  const self = proposal.members.find((m) => m.user.id === me.id);
  // The API keeps the lead author and the last owner: they cannot leave.
  const owners = proposal.members.filter((m) => m.role === 'owner').length;
  const canLeave = Boolean(self && self.user.id !== proposal.leadAuthor.id && !(self.role === 'owner' && owners <= 1));

  return (
    <section className="card section" aria-labelledby={headingId}>
      <header className="section-header">
        <h2 id={headingId} className="card-title">
          {t('members.title')}
          <span className="count">{proposal.members.length}</span>
        </h2>
        {permissions.canManageMembers && (
          <button type="button" className="button button-small" onClick={() => setAdding(true)} data-testid={TEST_IDS.memberAdd}>
            {t('members.add')}
          </button>
        )}
      </header>
      <ErrorNotice error={error} message={refusalMessage(error)} />
      {proposal.members.length === 0 ? (
        <p className="muted">{t('members.empty')}</p>
      ) : (
        <ul className="member-list">
          {proposal.members.map((member) => {
            const isMe = member.user.id === me.id;
            const isLead = member.user.id === proposal.leadAuthor.id;
            return (
              <li key={member.id} className="member" data-testid={TEST_IDS.memberItem} data-user-id={member.user.id} data-role={member.role}>
                <div className="member-who">
                  <span className="member-name">
                    {member.user.displayName}
                    {isMe && <span className="muted">{t('members.you')}</span>}
                    {isLead && <span className="badge badge-small">{t('members.lead')}</span>}
                  </span>
                  <span className="muted small member-org" title={`${labels.organization(member.user.organization)} · ${labels.role(member.user.role)}`}>
                    {labels.organization(member.user.organization)} · {labels.role(member.user.role)}
                  </span>
                </div>
                <div className="member-actions">
                  {permissions.canManageMembers ? (
                    <select
                      className="input input-compact"
                      aria-label={t('members.roleFor', { name: member.user.displayName })}
                      value={member.role}
                      disabled={roleChange.loading}
                      onChange={(event) => void onRoleChange(member, event.target.value as ProposalRole)}
                    >
                      {PROPOSAL_ROLES.filter((role) => role === member.role || canHoldProposalRole(member.user.role, role)).map((role) => (
                        <option key={role} value={role}>
                          {proposalLabels.proposalRole(role)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <span className="badge badge-muted">{proposalLabels.proposalRole(member.role)}</span>
                  )}
                  {permissions.canManageMembers && !isMe && (
                    <button
                      type="button"
                      className="button button-small button-ghost button-danger-text"
                      aria-label={t('members.removeFor', { name: member.user.displayName })}
                      onClick={() => setRemoving(member)}
                    >
                      {t('members.remove')}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {permissions.canManageMembers && proposal.members.length === 1 && <p className="muted small">{t('members.onlyYou')}</p>}
      {self && canLeave && (
        <button type="button" className="button button-small button-ghost section-footer-action" onClick={() => setRemoving(self)}>
          {t('members.leave')}
        </button>
      )}
      <AddMemberDialog {...props} open={adding} onClose={() => setAdding(false)} />
      <ConfirmDialog
        open={removing !== null}
        title={leaving ? t('members.leaveTitle') : t('members.removeTitle')}
        body={leaving ? t('members.leaveBody') : t('members.removeBody', { name: removing?.user.displayName ?? '' })}
        confirmLabel={leaving ? t('members.leave') : t('members.remove')}
        tone="danger"
        busy={removal.loading}
        error={removeError}
        errorMessage={refusalMessage(removeError)}
        onConfirm={onRemove}
        onCancel={() => {
          setRemoving(null);
          setRemoveError(null);
        }}
      />
    </section>
  );
}
