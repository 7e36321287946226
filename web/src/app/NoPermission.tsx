import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { TEST_IDS } from './testids';
import { usePageTitle } from './usePageTitle';

/** `body` replaces the default message (which speaks of administrator pages). */
export function NoPermission({ body }: { body?: string } = {}) {
  const { t } = useTranslation();
  usePageTitle(t('noPermission.title'));
  return (
    <section className="state-page" data-testid={TEST_IDS.noPermission}>
      <h1>{t('noPermission.title')}</h1>
      <p className="muted">{body ?? t('noPermission.body')}</p>
      <Link to="/" className="button button-primary">
        {t('noPermission.home')}
      </Link>
    </section>
  );
}
