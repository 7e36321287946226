import { useMutation } from '@apollo/client';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@jianyan/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TEST_IDS } from '../app/testids';
import { toAppError, type AppError } from '../graphql/errors';
import { CHANGE_PASSWORD_MUTATION } from '../graphql/session';
import { fieldErrorMessage } from '../i18n/errorMessages';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice, SuccessNotice } from '../ui/ErrorNotice';
import { TextField } from '../ui/Field';

type PasswordField = 'currentPassword' | 'newPassword' | 'confirm';

export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={t('password.title')} onClose={onClose}>
      <ChangePasswordForm onClose={onClose} />
    </Dialog>
  );
}

function ChangePasswordForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [changePassword, { loading }] = useMutation(CHANGE_PASSWORD_MUTATION);
  const [values, setValues] = useState<Record<PasswordField, string>>({ currentPassword: '', newPassword: '', confirm: '' });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<PasswordField, string>>>({});
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState(false);

  const set = (field: PasswordField) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  function validate(): Partial<Record<PasswordField, string>> {
    const errors: Partial<Record<PasswordField, string>> = {};
    if (!values.currentPassword) errors.currentPassword = t('validation.currentPasswordRequired');
    if (values.newPassword.length < PASSWORD_MIN_LENGTH) errors.newPassword = t('validation.passwordTooShort', { min: PASSWORD_MIN_LENGTH });
    else if (values.newPassword.length > PASSWORD_MAX_LENGTH) errors.newPassword = t('validation.passwordTooLong', { max: PASSWORD_MAX_LENGTH });
    if (values.confirm !== values.newPassword) errors.confirm = t('validation.passwordMismatch');
    return errors;
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const errors = validate();
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    try {
      await changePassword({ variables: { input: { currentPassword: values.currentPassword, newPassword: values.newPassword } } });
      setDone(true);
    } catch (caught) {
      const appError = toAppError(caught);
      if (appError.code === 'BAD_USER_INPUT' && (appError.field === 'currentPassword' || appError.field === 'newPassword')) {
        setFieldErrors({ [appError.field]: fieldErrorMessage(t, appError.field, appError.reason) });
      } else {
        setError(appError);
      }
    }
  }

  if (done) {
    return (
      <>
        <SuccessNotice message={t('password.success')} />
        <div className="dialog-actions">
          <button type="button" className="button button-primary" onClick={onClose} autoFocus>
            {t('common.close')}
          </button>
        </div>
      </>
    );
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <TextField
        label={t('password.current')}
        type="password"
        autoComplete="current-password"
        value={values.currentPassword}
        onChange={set('currentPassword')}
        error={fieldErrors.currentPassword}
        required
        autoFocus
      />
      <TextField
        label={t('password.new')}
        type="password"
        autoComplete="new-password"
        hint={t('password.newHint', { min: PASSWORD_MIN_LENGTH })}
        value={values.newPassword}
        onChange={set('newPassword')}
        error={fieldErrors.newPassword}
        maxLength={PASSWORD_MAX_LENGTH}
        required
      />
      <TextField
        label={t('password.confirm')}
        type="password"
        autoComplete="new-password"
        value={values.confirm}
        onChange={set('confirm')}
        error={fieldErrors.confirm}
        maxLength={PASSWORD_MAX_LENGTH}
        required
      />
      <ErrorNotice error={error} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} disabled={loading}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={loading} data-testid={TEST_IDS.changePasswordSubmit}>
          {loading ? t('password.submitting') : t('password.submit')}
        </button>
      </div>
    </form>
  );
}
