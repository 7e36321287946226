import { useMutation } from '@apollo/client';
import type { Role } from '@jianyan/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toAppError, type AppError } from '../graphql/errors';
import type { User } from '../graphql/types';
import { CHANGE_USER_ROLE_MUTATION, DEACTIVATE_USER_MUTATION, REACTIVATE_USER_MUTATION } from '../graphql/users';
import { useLabels } from '../i18n/labels';
import { ConfirmDialog } from '../ui/ConfirmDialog';

export interface PendingRoleChange {
  user: User;
  role: Role;
}

interface ActionProps<T> {
  pending: T | null;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** Confirms and applies a role change; the row updates through the normalized cache. */
export function RoleChangeDialog({ pending, onDone, onCancel }: ActionProps<PendingRoleChange>) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [changeRole, { loading }] = useMutation(CHANGE_USER_ROLE_MUTATION);
  const [error, setError] = useState<AppError | null>(null);
  const close = () => {
    setError(null);
    onCancel();
  };

  async function onConfirm() {
    if (!pending) return;
    setError(null);
    try {
      await changeRole({ variables: { input: { userId: pending.user.id, role: pending.role } } });
      onDone(t('users.updated', { name: pending.user.displayName }));
    } catch (caught) {
      setError(toAppError(caught));
    }
  }

  return (
    <ConfirmDialog
      open={pending !== null}
      title={t('users.changeRoleTitle')}
      body={
        pending
          ? t('users.changeRoleBody', { name: pending.user.displayName, from: labels.role(pending.user.role), to: labels.role(pending.role) })
          : ''
      }
      confirmLabel={t('users.changeRoleTitle')}
      busy={loading}
      error={error}
      onConfirm={onConfirm}
      onCancel={close}
    />
  );
}

/** Confirms and applies deactivation or reactivation of an account. */
export function ActiveToggleDialog({ pending, onDone, onCancel }: ActionProps<User>) {
  const { t } = useTranslation();
  const [deactivate, deactivation] = useMutation(DEACTIVATE_USER_MUTATION);
  const [reactivate, reactivation] = useMutation(REACTIVATE_USER_MUTATION);
  const [error, setError] = useState<AppError | null>(null);
  const busy = deactivation.loading || reactivation.loading;
  const deactivating = pending?.active ?? true;
  const close = () => {
    setError(null);
    onCancel();
  };

  async function onConfirm() {
    if (!pending) return;
    setError(null);
    try {
      const variables = { userId: pending.id };
      await (pending.active ? deactivate({ variables }) : reactivate({ variables }));
      onDone(t('users.updated', { name: pending.displayName }));
    } catch (caught) {
      setError(toAppError(caught));
    }
  }

  return (
    <ConfirmDialog
      open={pending !== null}
      title={deactivating ? t('users.deactivateTitle') : t('users.reactivateTitle')}
      body={
        pending ? (deactivating ? t('users.deactivateBody', { name: pending.displayName }) : t('users.reactivateBody', { name: pending.displayName })) : ''
      }
      confirmLabel={deactivating ? t('users.deactivate') : t('users.reactivate')}
      tone={deactivating ? 'danger' : 'primary'}
      busy={busy}
      error={error}
      onConfirm={onConfirm}
      onCancel={close}
    />
  );
}
