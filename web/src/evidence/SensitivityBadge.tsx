import type { HeldReason, SensitivityLevel } from '@jianyan/shared';
import { useTranslation } from 'react-i18next';
import { TEST_IDS } from '../app/testids';
import { useEvidenceLabels } from './labels';

interface SensitivityProps {
  /** The level the contributor asked for. */
  sensitivity: SensitivityLevel;
  /** The level applied (restricted while the consent rule holds the record). */
  effectiveSensitivity: SensitivityLevel;
  sensitivityHeld: boolean;
  sensitivityHeldReason: HeldReason | null;
}

/**
 * 公开 / 内部 / 受限 as applied, and, when the consent rule holds the record at restricted above
 * the level asked for, a second badge saying why ("按受限处理：未记录知情同意").
 */
export function SensitivityBadges({ record, compact }: { record: SensitivityProps; compact?: boolean }) {
  const { t } = useTranslation();
  const labels = useEvidenceLabels();
  const level = record.effectiveSensitivity;
  const reason = record.sensitivityHeld ? record.sensitivityHeldReason : null;
  return (
    <>
      <span
        className={`badge sens-badge sens-${level}`}
        data-testid={TEST_IDS.evidenceSensitivity}
        data-sensitivity={level}
        title={labels.sensitivityWho(level)}
        aria-label={t('evidence.sensitivityLabel', { level: labels.sensitivity(level) })}
      >
        <LockIcon level={level} />
        {labels.sensitivity(level)}
      </span>
      {reason && (
        <span className="badge badge-warning sens-held" title={`${labels.heldReason(reason)} · ${t('evidence.requested', { level: labels.sensitivity(record.sensitivity) })}`}>
          {compact ? labels.heldShort(reason) : t('evidence.held', { reason: labels.heldShort(reason) })}
        </span>
      )}
    </>
  );
}

const iconProps = {
  width: 12,
  height: 12,
  viewBox: '0 0 16 16',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.6,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
  focusable: false,
  className: 'sens-icon',
} as const;

/** A padlock for restricted, a building for internal, a globe for public. */
export function LockIcon({ level }: { level: SensitivityLevel }) {
  if (level === 'restricted') {
    return (
      <svg {...iconProps}>
        <rect x="3" y="7" width="10" height="7" rx="1.5" />
        <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
      </svg>
    );
  }
  if (level === 'internal') {
    return (
      <svg {...iconProps}>
        <path d="M2.5 14V6.5L8 3l5.5 3.5V14M6 14v-4h4v4M1.5 14h13" />
      </svg>
    );
  }
  return (
    <svg {...iconProps}>
      <circle cx="8" cy="8" r="6" />
      <path d="M2 8h12M8 2c1.8 2 1.8 10 0 12M8 2c-1.8 2-1.8 10 0 12" />
    </svg>
  );
}
