import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** Shown when the API answers NOT_FOUND for the record. */
export function EvidenceNotFound() {
  const { t } = useTranslation();
  return (
    <section className="state-page">
      <h1>{t('evidence.notFoundTitle')}</h1>
      <p className="muted">{t('evidence.notFoundBody')}</p>
      <Link to="/evidence" className="button button-primary">
        {t('evidence.backToLibrary')}
      </Link>
    </section>
  );
}
