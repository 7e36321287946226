import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/session';
import { useLabels } from '../i18n/labels';
import { TEST_IDS } from './testids';
import { usePageTitle } from './usePageTitle';

export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(t('home.title'));
  const user = useCurrentUser();
  const labels = useLabels();
  return (
    <div className="stack">
      <section className="hero">
        <h1 className="hero-title" data-testid={TEST_IDS.homeGreeting}>
          {t('home.greeting', { name: user.displayName })}
        </h1>
        <p className="hero-identity">
          {t('home.identity', { organization: labels.organization(user.organization), role: labels.role(user.role) })}
        </p>
      </section>
      <section className="card" aria-labelledby="about-title">
        <h2 id="about-title" className="card-title">
          {t('home.aboutTitle')}
        </h2>
        <p>{t('home.aboutIntro')}</p>
        <ul className="feature-list">
          <li>{t('home.coAuthor')}</li>
          <li>{t('home.evidence')}</li>
          <li>{t('home.adoption')}</li>
        </ul>
      </section>
    </div>
  );
}
