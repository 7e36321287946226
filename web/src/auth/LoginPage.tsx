import { parseLoginIdentifier } from '@jianyan/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { LanguageSwitch } from '../app/LanguageSwitch';
import { TEST_IDS } from '../app/testids';
import { usePageTitle } from '../app/usePageTitle';
import { toAppError, type AppError } from '../graphql/errors';
import { sessionEndedMessage } from '../i18n/errorMessages';
import { ErrorNotice } from '../ui/ErrorNotice';
import { TextField } from '../ui/Field';
import { Loading } from '../ui/Status';
import type { LoginLocationState } from './RequireAuth';
import { useSession } from './session';

function targetOf(state: unknown): string {
  const from = (state as LoginLocationState | null)?.from;
  if (!from?.pathname || !from.pathname.startsWith('/') || from.pathname.startsWith('/login')) return '/';
  return `${from.pathname}${from.search ?? ''}${from.hash ?? ''}`;
}

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const session = useSession();
  const location = useLocation();
  const [identifier, setIdentifier] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [clientError, setClientError] = useState<string | null>(null);

  if (session.status === 'signedIn') return <Navigate to={targetOf(location.state)} replace />;
  if (session.status === 'loading' && !submitting) return <Loading fullPage />;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setClientError(null);
    if (!identifier.trim()) return setClientError(t('login.identifierRequired'));
    if (!parseLoginIdentifier(identifier.trim())) return setClientError(t('login.identifierInvalid'));
    if (!password) return setClientError(t('login.passwordRequired'));
    setSubmitting(true);
    try {
      await session.signIn(identifier.trim(), password);
    } catch (caught) {
      setError(toAppError(caught));
      setPassword('');
    } finally {
      setSubmitting(false);
    }
  }

  const endedByItself = session.reason === 'expired' || session.endedBy?.reason !== undefined;
  const notice =
    session.reason === 'signedOut' ? t('login.signedOut') : endedByItself ? sessionEndedMessage(t, session.endedBy) : null;

  return (
    <div className="login-layout">
      <div className="login-top">
        <LanguageSwitch />
      </div>
      <main className="login-card" id="main">
        <div className="brand brand-large" aria-hidden="true">
          <span className="brand-mark">建言</span>
          <span className="brand-latin">Jianyan</span>
        </div>
        <p className="login-tagline">{t('app.tagline')}</p>
        <h1 className="login-heading">{t('login.heading')}</h1>
        <p className="muted">{t('login.intro')}</p>
        {notice && !error && !clientError && (
          <div className="notice notice-info" role="status">
            <p className="notice-message">{notice}</p>
          </div>
        )}
        <form className="form" onSubmit={onSubmit} noValidate>
          <TextField
            label={t('login.identifier')}
            hint={t('login.identifierHint')}
            value={identifier}
            onChange={setIdentifier}
            autoComplete="username"
            name="identifier"
            required
            autoFocus
            testId={TEST_IDS.loginIdentifier}
          />
          <TextField
            label={t('login.password')}
            type="password"
            value={password}
            onChange={setPassword}
            autoComplete="current-password"
            name="password"
            required
            testId={TEST_IDS.loginPassword}
          />
          <ErrorNotice error={error} message={clientError ?? undefined} testId={TEST_IDS.loginError} />
          <button type="submit" className="button button-primary button-block" disabled={submitting} data-testid={TEST_IDS.loginSubmit}>
            {submitting ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
        <p className="muted small">{t('login.forgotPassword')}</p>
      </main>
    </div>
  );
}
