import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ChangePasswordDialog } from '../auth/ChangePasswordDialog';
import { useCurrentUser, useSession } from '../auth/session';
import { useLabels } from '../i18n/labels';
import { NotificationBell } from '../notifications/NotificationBell';
import { LanguageSwitch } from './LanguageSwitch';
import { TEST_IDS } from './testids';

/** The user menu of the top bar: who is signed in, password, language, sign-out. */
export function AccountBar() {
  const { t } = useTranslation();
  const labels = useLabels();
  const user = useCurrentUser();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const [passwordOpen, setPasswordOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const [failed, setFailed] = useState(false);

  async function onLogout() {
    setSigningOut(true);
    setFailed(false);
    try {
      await signOut();
      navigate('/login', { replace: true });
    } catch {
      setFailed(true);
      setSigningOut(false);
    }
  }

  return (
    <div className="account" role="group" aria-label={t('shell.accountLabel')}>
      <NotificationBell />
      <div className="account-who" title={labels.organization(user.organization)}>
        <span className="account-name" data-testid={TEST_IDS.currentUserName}>
          {user.displayName}
        </span>
        <span className="badge">{labels.role(user.role)}</span>
      </div>
      <button type="button" className="button button-ghost button-small" onClick={() => setPasswordOpen(true)} data-testid={TEST_IDS.changePassword}>
        {t('account.changePassword')}
      </button>
      <LanguageSwitch />
      <button type="button" className="button button-small" onClick={onLogout} disabled={signingOut} data-testid={TEST_IDS.logout}>
        {signingOut ? t('account.loggingOut') : t('account.logout')}
      </button>
      {failed && (
        <p className="account-error" role="alert">
          {t('account.logoutFailed')}
        </p>
      )}
      <ChangePasswordDialog open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </div>
  );
}
