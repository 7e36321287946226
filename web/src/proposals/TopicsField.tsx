import { PROGRAM_AREAS, PROPOSAL_TOPICS_MAX, PROPOSAL_TOPIC_MAX_LENGTH, isProgramAreaCode } from '@jianyan/shared';
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useProposalLabels } from './labels';

interface TopicsFieldProps {
  value: string[];
  onChange: (topics: string[]) => void;
  error?: string | null;
}

const GROUPS = [
  { program: 'women', labelKey: 'proposalForm.womenProgram' },
  { program: 'children', labelKey: 'proposalForm.childrenProgram' },
] as const;

/** Program areas (checkboxes, by program) plus free topics (tags), stored together as `topics`. */
export function TopicsField({ value, onChange, error }: TopicsFieldProps) {
  const { t } = useTranslation();
  const labels = useProposalLabels();
  const id = useId();
  const [draft, setDraft] = useState('');
  const custom = value.filter((topic) => !isProgramAreaCode(topic));

  function toggle(code: string, checked: boolean) {
    onChange(checked ? [...value, code] : value.filter((topic) => topic !== code));
  }

  function addCustom() {
    const topic = draft.trim();
    if (!topic) return;
    if (!value.includes(topic)) onChange([...value, topic]);
    setDraft('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Enter while an input method is composing picks a candidate; it must not add the topic.
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      addCustom();
    }
  }

  return (
    <fieldset className={`fieldset${error ? ' field-invalid' : ''}`} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
      <legend className="field-label">
        {t('proposalForm.topics')}
        <span className="field-optional">（{t('common.optional')}）</span>
      </legend>
      <p id={`${id}-hint`} className="field-hint">
        {t('proposalForm.topicsHint', { max: PROPOSAL_TOPICS_MAX })}
      </p>
      {GROUPS.map((group) => (
        <div key={group.program} className="topic-group" role="group" aria-labelledby={`${id}-${group.program}`}>
          <p id={`${id}-${group.program}`} className="topic-group-title">
            {t(group.labelKey)}
          </p>
          <div className="check-grid">
            {PROGRAM_AREAS.filter((area) => area.program === group.program).map((area) => (
              <label key={area.code} className="check">
                <input type="checkbox" checked={value.includes(area.code)} onChange={(event) => toggle(area.code, event.target.checked)} />
                <span>{labels.programArea(area.code)}</span>
              </label>
            ))}
          </div>
        </div>
      ))}
      <div className="topic-group">
        <label htmlFor={`${id}-custom`} className="topic-group-title">
          {t('proposalForm.customTopics')}
        </label>
        {custom.length > 0 && (
          <ul className="tags">
            {custom.map((topic) => (
              <li key={topic} className="tag">
                <span>{topic}</span>
                <button
                  type="button"
                  className="tag-remove"
                  aria-label={t('proposalForm.removeTopic', { topic })}
                  onClick={() => onChange(value.filter((v) => v !== topic))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="inline-input">
          <input
            id={`${id}-custom`}
            className="input"
            value={draft}
            maxLength={PROPOSAL_TOPIC_MAX_LENGTH}
            placeholder={t('proposalForm.customTopicPlaceholder')}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={onKeyDown}
          />
          <button type="button" className="button" onClick={addCustom} disabled={!draft.trim()}>
            {t('proposalForm.addTopic')}
          </button>
        </div>
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
