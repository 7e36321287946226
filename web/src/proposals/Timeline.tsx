import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TEST_IDS } from '../app/testids';
import type { StatusEvent, Suggestion } from '../graphql/types';
import { useFormat } from '../i18n/format';
import { useProposalLabels } from './labels';
import type { SectionProps } from './section';

interface StatusTimelineProps {
  events: readonly StatusEvent[];
  /** To name the suggestion an event is about; leave out when all events concern one entity. */
  suggestions?: readonly Pick<Suggestion, 'id' | 'number' | 'title'>[];
  /** Mark the list and its entries with the `timeline` test ids (the proposal's timeline only). */
  main?: boolean;
}

/** Status changes, oldest first: what changed, who, when, note and source. */
export function StatusTimeline({ events, suggestions, main }: StatusTimelineProps) {
  const { t } = useTranslation();
  const labels = useProposalLabels();
  const format = useFormat();
  const subject = (event: StatusEvent): string | null => {
    if (!suggestions) return null;
    if (event.entityType === 'proposal') return t('timeline.proposal');
    const suggestion = suggestions.find((s) => s.id === event.entityId);
    return suggestion ? `${t('timeline.suggestion', { number: suggestion.number })} ${suggestion.title}` : t('timeline.suggestionGone');
  };
  return (
    <ol className="timeline" data-testid={main ? TEST_IDS.timeline : undefined}>
      {events.map((event) => {
        const to = labels.statusOf(event.entityType, event.toStatus);
        const change = event.fromStatus
          ? t('timeline.changed', { from: labels.statusOf(event.entityType, event.fromStatus), to })
          : t('timeline.created', { status: to });
        const about = subject(event);
        return (
          <li
            key={event.id}
            className={`timeline-item timeline-${event.entityType}`}
            data-testid={main ? TEST_IDS.timelineItem : undefined}
            data-entity={event.entityType}
            data-status={event.toStatus}
          >
            <p className="timeline-what">
              {about && (
                <span className="timeline-subject" title={about}>
                  {about}
                </span>
              )}
              <span className="timeline-change">{change}</span>
            </p>
            <p className="timeline-who muted small">
              {event.actor.displayName} · <time dateTime={event.occurredAt}>{format.dateTime(event.occurredAt)}</time>
            </p>
            {event.note && <p className="timeline-note small">{t('timeline.note', { note: event.note })}</p>}
            {event.source && <p className="timeline-note small">{t('timeline.source', { source: event.source })}</p>}
            {event.effectiveOn && (
              <p className="timeline-note small" data-effective-on={event.effectiveOn}>
                {t('timeline.effectiveOn', { day: format.day(event.effectiveOn) })}
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}

export function TimelineSection({ proposal }: SectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="card section" aria-labelledby={headingId}>
      <header className="section-header">
        <h2 id={headingId} className="card-title">
          {t('timeline.title')}
        </h2>
      </header>
      {proposal.timeline.length === 0 ? (
        <p className="muted">{t('timeline.empty')}</p>
      ) : (
        <StatusTimeline events={proposal.timeline} suggestions={proposal.suggestions} main />
      )}
    </section>
  );
}
