import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { toAppError } from '../graphql/errors';
import { errorDetail } from '../i18n/errorMessages';
import { usePageTitle } from './usePageTitle';

/** Shown when the session check fails for a reason other than "not signed in". */
export function SessionErrorPage() {
  const { t } = useTranslation();
  usePageTitle(t('sessionError.title'));
  const { error, retry } = useSession();
  const detail = error ? errorDetail(t, toAppError(error)) : null;
  return (
    <main id="main" className="state-page state-page-full" role="alert">
      <h1>{t('sessionError.title')}</h1>
      <p className="muted">{t('sessionError.body')}</p>
      {detail && (
        <p className="notice-detail" lang="en">
          {detail}
        </p>
      )}
      <button type="button" className="button button-primary" onClick={retry}>
        {t('app.retry')}
      </button>
    </main>
  );
}
