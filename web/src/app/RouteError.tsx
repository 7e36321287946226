import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router-dom';

/** Last-resort error screen for a rendering error in a route. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (import.meta.env.DEV) console.error(error);
  return (
    <main id="main" className="state-page state-page-full" role="alert">
      <h1>{t('routeError.title')}</h1>
      <p className="muted">{t('routeError.body')}</p>
      <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
        {t('app.reload')}
      </button>
    </main>
  );
}
