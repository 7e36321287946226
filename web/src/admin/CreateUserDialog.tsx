import { useMutation, useQuery } from '@apollo/client';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, ROLES, DISPLAY_NAME_MAX_LENGTH, type Role } from '@jianyan/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TEST_IDS } from '../app/testids';
import { toAppError, type AppError } from '../graphql/errors';
import { CREATE_USER_MUTATION, ORGANIZATIONS_QUERY } from '../graphql/users';
import { fieldErrorMessage } from '../i18n/errorMessages';
import { useLabels } from '../i18n/labels';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { SelectField, TextField } from '../ui/Field';
import {
  EMPTY_NEW_USER,
  isNewUserField,
  toCreateUserInput,
  validateNewUser,
  type NewUserErrors,
  type NewUserValues,
} from './createUserForm';
import { TemporaryPasswordPanel } from './TemporaryPasswordPanel';

interface CreateUserDialogProps {
  open: boolean;
  onClose: () => void;
  /** Called once the account exists (the list refreshes, the page announces it). */
  onCreated: (displayName: string) => void;
}

export function CreateUserDialog({ open, onClose, onCreated }: CreateUserDialogProps) {
  const { t } = useTranslation();
  const [secret, setSecret] = useState<{ name: string; password: string } | null>(null);
  const close = () => {
    setSecret(null);
    onClose();
  };
  return (
    <Dialog open={open} title={secret ? t('tempPassword.title') : t('createUser.title')} onClose={close}>
      {secret ? (
        <TemporaryPasswordPanel name={secret.name} password={secret.password} onDone={close} />
      ) : (
        <CreateUserForm
          onCancel={close}
          onCreated={(name, temporaryPassword) => {
            onCreated(name);
            if (temporaryPassword) setSecret({ name, password: temporaryPassword });
            else close();
          }}
        />
      )}
    </Dialog>
  );
}

function CreateUserForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (name: string, temporaryPassword: string | null) => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const organizations = useQuery(ORGANIZATIONS_QUERY);
  const [createUser, { loading }] = useMutation(CREATE_USER_MUTATION, { refetchQueries: ['Users'] });
  const [values, setValues] = useState<NewUserValues>(EMPTY_NEW_USER);
  const [fieldErrors, setFieldErrors] = useState<NewUserErrors>({});
  const [error, setError] = useState<AppError | null>(null);

  const orgOptions = (organizations.data?.organizations ?? []).map((o) => ({ value: o.id, label: labels.organization(o) }));
  const organizationId = values.organizationId || (orgOptions.length === 1 ? orgOptions[0].value : '');
  const set =
    <K extends keyof NewUserValues>(field: K) =>
    (value: NewUserValues[K]) =>
      setValues((v) => ({ ...v, [field]: value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const current = { ...values, organizationId };
    const errors = validateNewUser(current, t);
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    try {
      const result = await createUser({ variables: { input: toCreateUserInput(current) } });
      const payload = result.data?.createUser;
      if (payload) onCreated(payload.user.displayName, payload.temporaryPassword);
    } catch (caught) {
      const appError = toAppError(caught);
      if (appError.code === 'BAD_USER_INPUT' && isNewUserField(appError.field)) {
        setFieldErrors({ [appError.field]: fieldErrorMessage(t, appError.field, appError.reason) });
      }
      setError(appError);
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <TextField
        label={t('createUser.displayName')}
        value={values.displayName}
        onChange={set('displayName')}
        error={fieldErrors.displayName}
        maxLength={DISPLAY_NAME_MAX_LENGTH}
        autoComplete="off"
        required
        autoFocus
      />
      <div className="form-row">
        <TextField
          label={t('createUser.email')}
          type="email"
          value={values.email}
          onChange={set('email')}
          error={fieldErrors.email}
          autoComplete="off"
          optional
        />
        <TextField
          label={t('createUser.mobile')}
          type="tel"
          inputMode="tel"
          value={values.mobile}
          onChange={set('mobile')}
          error={fieldErrors.mobile}
          autoComplete="off"
          optional
        />
      </div>
      <p className="field-hint">{t('createUser.contactHint')}</p>
      <div className="form-row">
        <SelectField<Role>
          label={t('createUser.role')}
          value={values.role}
          onChange={set('role')}
          options={ROLES.map((role) => ({ value: role, label: labels.role(role) }))}
          error={fieldErrors.role}
          required
        />
        <SelectField<string>
          label={t('createUser.organization')}
          value={organizationId}
          onChange={set('organizationId')}
          options={orgOptions}
          placeholder={organizations.loading ? t('app.loading') : t('createUser.organizationPlaceholder')}
          error={fieldErrors.organizationId ?? (organizations.error ? t('createUser.organizationsFailed') : null)}
          disabled={organizations.loading}
          required
        />
      </div>
      <TextField
        label={t('createUser.password')}
        type="password"
        value={values.password}
        onChange={set('password')}
        hint={t('createUser.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        error={fieldErrors.password}
        maxLength={PASSWORD_MAX_LENGTH}
        autoComplete="new-password"
        optional
      />
      <ErrorNotice error={error} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel} disabled={loading}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={loading} data-testid={TEST_IDS.createUserSubmit}>
          {loading ? t('createUser.submitting') : t('createUser.submit')}
        </button>
      </div>
    </form>
  );
}
