import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { EvidenceDetail } from '../graphql/evidence';

/** Back to the evidence library. */
export function LibraryBreadcrumb() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('evidence.breadcrumb')} className="breadcrumb">
      <Link to="/evidence">{t('evidence.backToLibrary')}</Link>
    </nav>
  );
}

/** Back to the record (from its edit form). */
export function RecordBreadcrumb({ evidence }: { evidence: EvidenceDetail }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('evidence.breadcrumb')} className="breadcrumb">
      <Link to={`/evidence/${evidence.id}`}>{evidence.title}</Link>
    </nav>
  );
}
