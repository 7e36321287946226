import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEST_IDS } from '../app/testids';
import { usePageTitle } from '../app/usePageTitle';
import { useCurrentUser } from '../auth/session';
import { toAppError } from '../graphql/errors';
import type { User } from '../graphql/types';
import { ErrorNotice, SuccessNotice } from '../ui/ErrorNotice';
import { EmptyState, Loading } from '../ui/Status';
import { CreateUserDialog } from './CreateUserDialog';
import { ActiveToggleDialog, RoleChangeDialog, type PendingRoleChange } from './UserActionDialogs';
import { UsersTable } from './UsersTable';
import { usePagedUsers } from './usePagedUsers';

/** Administrators: the accounts of their organisations, paged, with create / role / (de)activate. */
export function UsersPage() {
  const { t } = useTranslation();
  usePageTitle(t('users.title'));
  const me = useCurrentUser();
  const users = usePagedUsers();
  const [creating, setCreating] = useState(false);
  const [pendingRole, setPendingRole] = useState<PendingRoleChange | null>(null);
  const [pendingToggle, setPendingToggle] = useState<User | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const nodes = users.connection?.nodes ?? [];

  return (
    <div className="stack">
      <div className="page-header">
        <div>
          <h1>{t('users.title')}</h1>
          <p className="muted">{t('users.intro')}</p>
        </div>
        <button type="button" className="button button-primary" onClick={() => setCreating(true)} data-testid={TEST_IDS.usersCreate}>
          {t('users.create')}
        </button>
      </div>

      <SuccessNotice message={message} />

      {users.error && !users.connection ? (
        <ErrorNotice error={toAppError(users.error)} title={t('users.loadFailed')} onRetry={users.refetch} />
      ) : users.initialLoading ? (
        <Loading label={t('users.loading')} />
      ) : nodes.length === 0 ? (
        <EmptyState>{t('users.empty')}</EmptyState>
      ) : (
        <>
          {users.error && <ErrorNotice error={toAppError(users.error)} onRetry={users.refetch} />}
          <UsersTable
            users={nodes}
            currentUserId={me.id}
            busy={users.busy}
            onChangeRole={(user, role) => setPendingRole({ user, role })}
            onToggleActive={setPendingToggle}
          />
          <nav className="pagination" aria-label={t('users.paginationLabel')}>
            <span className="muted">
              {t('users.total', { count: users.connection?.totalCount ?? 0 })} · {t('users.page', { page: users.page })}
            </span>
            <div className="pagination-buttons">
              <button type="button" className="button button-small" onClick={users.previous} disabled={!users.hasPrevious || users.busy}>
                {t('users.previous')}
              </button>
              <button type="button" className="button button-small" onClick={users.next} disabled={!users.hasNext || users.busy}>
                {t('users.next')}
              </button>
            </div>
          </nav>
        </>
      )}

      <CreateUserDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(name) => setMessage(t('createUser.created', { name }))}
      />
      <RoleChangeDialog
        pending={pendingRole}
        onCancel={() => setPendingRole(null)}
        onDone={(text) => {
          setPendingRole(null);
          setMessage(text);
        }}
      />
      <ActiveToggleDialog
        pending={pendingToggle}
        onCancel={() => setPendingToggle(null)}
        onDone={(text) => {
          setPendingToggle(null);
          setMessage(text);
        }}
      />
    </div>
  );
}
