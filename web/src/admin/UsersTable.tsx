import { ROLES, type Role } from '@jianyan/shared';
import { useTranslation } from 'react-i18next';
import { TEST_IDS } from '../app/testids';
import type { User } from '../graphql/types';
import { useLabels } from '../i18n/labels';

interface UsersTableProps {
  users: readonly User[];
  currentUserId: string;
  busy: boolean;
  onChangeRole: (user: User, role: Role) => void;
  onToggleActive: (user: User) => void;
}

export function UsersTable({ users, currentUserId, busy, onChangeRole, onToggleActive }: UsersTableProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const none = t('common.none');
  return (
    <div className="table-wrap">
      <table className="table" data-testid={TEST_IDS.usersTable} aria-busy={busy}>
        <caption className="visually-hidden">{t('users.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('users.colName')}</th>
            <th scope="col">{t('users.colEmail')}</th>
            <th scope="col">{t('users.colMobile')}</th>
            <th scope="col">{t('users.colRole')}</th>
            <th scope="col">{t('users.colOrganization')}</th>
            <th scope="col">{t('users.colStatus')}</th>
            <th scope="col">{t('users.colActions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const self = user.id === currentUserId;
            return (
              <tr key={user.id} className={user.active ? undefined : 'row-inactive'} data-user-id={user.id}>
                <th scope="row">
                  {user.displayName}
                  {self && <span className="muted">{t('users.you')}</span>}
                </th>
                <td className="cell-ltr">{user.email ?? none}</td>
                <td className="cell-ltr">{user.mobile ?? none}</td>
                <td>
                  <select
                    className="input input-compact"
                    aria-label={t('users.roleFor', { name: user.displayName })}
                    value={user.role}
                    disabled={self}
                    title={self ? t('users.ownRoleHint') : undefined}
                    onChange={(event) => onChangeRole(user, event.target.value as Role)}
                  >
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {labels.role(role)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>{labels.organization(user.organization)}</td>
                <td>
                  <span className={`badge ${user.active ? 'badge-success' : 'badge-muted'}`}>
                    {user.active ? t('users.active') : t('users.inactive')}
                  </span>
                </td>
                <td>
                  <button
                    type="button"
                    className={`button button-small ${user.active ? 'button-danger-outline' : ''}`}
                    disabled={self}
                    title={self ? t('users.ownAccountHint') : undefined}
                    onClick={() => onToggleActive(user)}
                  >
                    {user.active ? t('users.deactivate') : t('users.reactivate')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
