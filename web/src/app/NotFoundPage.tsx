import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSession } from '../auth/session';
import { Loading } from '../ui/Status';
import { AppShell } from './AppShell';
import { LanguageSwitch } from './LanguageSwitch';
import { TEST_IDS } from './testids';
import { usePageTitle } from './usePageTitle';

function NotFoundContent() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <section className="state-page" data-testid={TEST_IDS.notFound}>
      <p className="state-code" aria-hidden="true">
        404
      </p>
      <h1>{t('notFound.title')}</h1>
      <p className="muted">{t('notFound.body')}</p>
      <Link to="/" className="button button-primary">
        {t('notFound.home')}
      </Link>
    </section>
  );
}

/** 404: inside the app shell when signed in, on its own otherwise. */
export function NotFoundPage() {
  const { status } = useSession();
  if (status === 'loading') return <Loading fullPage />;
  if (status === 'signedIn') {
    return (
      <AppShell>
        <NotFoundContent />
      </AppShell>
    );
  }
  return (
    <div className="login-layout">
      <div className="login-top">
        <LanguageSwitch />
      </div>
      <main id="main" className="login-card">
        <NotFoundContent />
      </main>
    </div>
  );
}
