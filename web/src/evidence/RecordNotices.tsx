import { useTranslation } from 'react-i18next';
import type { EvidenceDetail } from '../graphql/evidence';

/** Draft / withdrawn, and what the viewer sees of the personal data. */
export function RecordNotices({ evidence }: { evidence: EvidenceDetail }) {
  const { t } = useTranslation();
  const notices: { key: string; kind: 'info' | 'warning'; lines: string[] }[] = [];
  if (evidence.status === 'draft' && evidence.viewerCanManage) notices.push({ key: 'draft', kind: 'info', lines: [t('evidenceRecord.draftNotice')] });
  if (evidence.status === 'withdrawn') notices.push({ key: 'withdrawn', kind: 'warning', lines: [t('evidenceRecord.withdrawnNotice')] });
  const privacy: string[] = [];
  if (evidence.piiCount > 0) privacy.push(evidence.rawContent ? t('evidenceRecord.rawNotice', { count: evidence.piiCount }) : t('evidenceRecord.maskedNotice', { count: evidence.piiCount }));
  if (evidence.rawContent && evidence.effectiveSensitivity === 'restricted') privacy.push(t('evidenceRecord.rawAudited'));
  if (privacy.length > 0) notices.push({ key: evidence.rawContent ? 'raw' : 'masked', kind: 'info', lines: privacy });
  if (notices.length === 0) return null;
  return (
    <div className="record-notices">
      {notices.map((n) => (
        <div key={n.key} className={`notice notice-${n.kind} notice-compact`} data-notice={n.key}>
          {n.lines.map((line) => (
            <p key={line} className="notice-message">
              {line}
            </p>
          ))}
        </div>
      ))}
    </div>
  );
}
