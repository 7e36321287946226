import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { useProposalLabels } from './labels';
import type { SectionProps } from './section';

/** The official reply (date, unit, A/B/C class, text, document), once recorded. */
export function AnswerSection({ proposal }: SectionProps) {
  const { t } = useTranslation();
  const labels = useProposalLabels();
  const format = useFormat();
  const headingId = useId();
  const answer = proposal.answer;
  return (
    <section className="card section" aria-labelledby={headingId}>
      <header className="section-header">
        <h2 id={headingId} className="card-title">
          {t('answer.title')}
        </h2>
      </header>
      {!answer ? (
        <p className="muted">{t('answer.none')}</p>
      ) : (
        <div className="answer">
          <p>
            <span className={`badge badge-answer-${answer.answerClass}`}>
              {t('answer.classOption', { code: answer.answerClass, label: labels.answerClass(answer.answerClass) })}
            </span>
          </p>
          <dl className="details-grid details-grid-single">
            <div>
              <dt>{t('answer.replyingUnit')}</dt>
              <dd>{answer.replyingUnit}</dd>
            </div>
            <div>
              <dt>{t('answer.answeredOn')}</dt>
              <dd>
                <time dateTime={answer.answeredOn}>{format.day(answer.answeredOn)}</time>
              </dd>
            </div>
            {answer.documentRef && (
              <div>
                <dt>{t('answer.documentRef')}</dt>
                <dd className="break">{answer.documentRef}</dd>
              </div>
            )}
          </dl>
          {answer.text && <p className="prewrap answer-text">{answer.text}</p>}
          <p className="muted small">
            {t('answer.recordedBy', { name: answer.recordedBy.displayName, date: format.date(answer.createdAt) })}
          </p>
        </div>
      )}
    </section>
  );
}
