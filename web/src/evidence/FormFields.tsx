import {
  EVIDENCE_FIGURES_MAX,
  EVIDENCE_MARKED_NAME_MAX_LENGTH,
  EVIDENCE_MARKED_NAME_MIN_LENGTH,
  EVIDENCE_TAG_MAX_LENGTH,
  EVIDENCE_THEMES_MAX,
  POPULATION_GROUPS,
  PROGRAM_AREAS,
  isProgramAreaCode,
  normalizeMarkedNames,
  type PopulationGroup,
} from '@jianyan/shared';
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TEST_IDS } from '../app/testids';
import { emptyFigure, type FigureRow, type FormErrors, type LiveFinding } from './evidenceForm';
import { useEvidenceLabels } from './labels';
import { markedNameProblem } from './MarkNamesDialog';

/** Enter adds (unless an input method is composing: then Enter picks a candidate). */
function onEnter(action: () => void) {
  return (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      action();
    }
  };
}

export function PopulationsField({ value, onChange }: { value: PopulationGroup[]; onChange: (value: PopulationGroup[]) => void }) {
  const { t } = useTranslation();
  const labels = useEvidenceLabels();
  return (
    <fieldset className="fieldset">
      <legend className="field-label">
        {t('evidenceForm.populations')}
        <span className="field-optional">（{t('common.optional')}）</span>
      </legend>
      <div className="check-row">
        {POPULATION_GROUPS.map((group) => (
          <label key={group} className="check check-chip">
            <input
              type="checkbox"
              checked={value.includes(group)}
              onChange={(event) => onChange(event.target.checked ? [...value, group] : value.filter((g) => g !== group))}
            />
            <span>{labels.population(group)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

const PROGRAMS = [
  { program: 'women', labelKey: 'evidenceForm.womenProgram' },
  { program: 'children', labelKey: 'evidenceForm.childrenProgram' },
] as const;

/** Program areas (checkboxes, by program) plus free tags, stored together as `themes`. */
export function ThemesField({ value, onChange, error }: { value: string[]; onChange: (value: string[]) => void; error?: string }) {
  const { t } = useTranslation();
  const labels = useEvidenceLabels();
  const id = useId();
  const [draft, setDraft] = useState('');
  const custom = value.filter((theme) => !isProgramAreaCode(theme));

  function addCustom() {
    const tag = draft.trim();
    if (!tag) return;
    if (!value.includes(tag)) onChange([...value, tag]);
    setDraft('');
  }

  return (
    <fieldset className={`fieldset${error ? ' field-invalid' : ''}`} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
      <legend className="field-label">
        {t('evidenceForm.themes')}
        <span className="field-optional">（{t('common.optional')}）</span>
      </legend>
      <p id={`${id}-hint`} className="field-hint">
        {t('evidenceForm.themesHint', { max: EVIDENCE_THEMES_MAX })}
      </p>
      {PROGRAMS.map((group) => (
        <div key={group.program} className="topic-group" role="group" aria-labelledby={`${id}-${group.program}`}>
          <p id={`${id}-${group.program}`} className="topic-group-title">
            {t(group.labelKey)}
          </p>
          <div className="check-grid">
            {PROGRAM_AREAS.filter((area) => area.program === group.program).map((area) => (
              <label key={area.code} className="check">
                <input
                  type="checkbox"
                  checked={value.includes(area.code)}
                  onChange={(event) => onChange(event.target.checked ? [...value, area.code] : value.filter((v) => v !== area.code))}
                />
                <span>{labels.theme(area.code)}</span>
              </label>
            ))}
          </div>
        </div>
      ))}
      <div className="topic-group">
        <label htmlFor={`${id}-custom`} className="topic-group-title">
          {t('evidenceForm.customThemes')}
        </label>
        {custom.length > 0 && (
          <ul className="tags">
            {custom.map((tag) => (
              <li key={tag} className="tag">
                <span>{tag}</span>
                <button type="button" className="tag-remove" aria-label={t('evidenceForm.removeTheme', { tag })} onClick={() => onChange(value.filter((v) => v !== tag))}>
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
            maxLength={EVIDENCE_TAG_MAX_LENGTH}
            placeholder={t('evidenceForm.customThemePlaceholder')}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={onEnter(addCustom)}
          />
          <button type="button" className="button" onClick={addCustom} disabled={!draft.trim()}>
            {t('evidenceForm.addTheme')}
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

interface FiguresEditorProps {
  value: FigureRow[];
  onChange: (value: FigureRow[]) => void;
  errors: FormErrors;
}

/** Rows of indicator, value, unit and period; add and remove rows. */
export function FiguresEditor({ value, onChange, errors }: FiguresEditorProps) {
  const { t } = useTranslation();
  const id = useId();
  const set = (index: number, change: Partial<FigureRow>) => onChange(value.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <div className="figures-editor">
      {value.length === 0 ? (
        <p className="muted small">{t('evidenceForm.figuresEmpty')}</p>
      ) : (
        <div className="figure-rows" role="list">
          <div className="figure-row figure-row-head" aria-hidden="true">
            <span>{t('evidenceForm.figureLabel')}</span>
            <span>{t('evidenceForm.figureValue')}</span>
            <span>{t('evidenceForm.figureUnit')}</span>
            <span>{t('evidenceForm.figurePeriod')}</span>
            <span />
          </div>
          {value.map((row, index) => {
            const number = index + 1;
            const error = (field: string) => errors[`figures.${index}.${field}`];
            const rowErrors = ['label', 'value', 'unit', 'period'].map(error).filter(Boolean);
            return (
              <div key={row.key} className="figure-row" role="listitem" aria-label={t('evidenceForm.figureRow', { number })}>
                <input
                  className="input"
                  value={row.label}
                  placeholder={t('evidenceForm.figureLabelPlaceholder')}
                  aria-label={`${t('evidenceForm.figureRow', { number })} · ${t('evidenceForm.figureLabel')}`}
                  aria-invalid={error('label') ? true : undefined}
                  aria-describedby={rowErrors.length ? `${id}-${row.key}-error` : undefined}
                  onChange={(event) => set(index, { label: event.target.value })}
                />
                <input
                  className="input figure-value-input"
                  inputMode="decimal"
                  value={row.value}
                  placeholder="0"
                  aria-label={`${t('evidenceForm.figureRow', { number })} · ${t('evidenceForm.figureValue')}`}
                  aria-invalid={error('value') ? true : undefined}
                  aria-describedby={rowErrors.length ? `${id}-${row.key}-error` : undefined}
                  onChange={(event) => set(index, { value: event.target.value })}
                />
                <input
                  className="input"
                  value={row.unit}
                  placeholder={t('evidenceForm.figureUnitPlaceholder')}
                  aria-label={`${t('evidenceForm.figureRow', { number })} · ${t('evidenceForm.figureUnit')}`}
                  aria-invalid={error('unit') ? true : undefined}
                  onChange={(event) => set(index, { unit: event.target.value })}
                />
                <input
                  className="input"
                  value={row.period}
                  placeholder={t('evidenceForm.figurePeriodPlaceholder')}
                  aria-label={`${t('evidenceForm.figureRow', { number })} · ${t('evidenceForm.figurePeriod')}`}
                  aria-invalid={error('period') ? true : undefined}
                  onChange={(event) => set(index, { period: event.target.value })}
                />
                <button
                  type="button"
                  className="button button-ghost button-small button-icon button-danger-text"
                  aria-label={t('evidenceForm.removeFigure', { number })}
                  title={t('evidenceForm.removeFigure', { number })}
                  onClick={() => onChange(value.filter((_, i) => i !== index))}
                >
                  ×
                </button>
                {rowErrors.length > 0 && (
                  <p id={`${id}-${row.key}-error`} className="field-error figure-row-error" role="alert">
                    {rowErrors.join(' ')}
                  </p>
                )}
              </div>
            );
          })}
        </div>
      )}
      {errors.figures && (
        <p className="field-error" role="alert">
          {errors.figures}
        </p>
      )}
      <button type="button" className="button button-small figure-add" onClick={() => onChange([...value, emptyFigure()])} disabled={value.length >= EVIDENCE_FIGURES_MAX}>
        + {t('evidenceForm.addFigure')}
      </button>
    </div>
  );
}

interface MarkedNamesFieldProps {
  value: string[];
  onChange: (value: string[]) => void;
  /** The text selected in the narrative right now (for "mark the selection"). */
  getSelection: () => string;
  error?: string;
}

/** Names to mask wherever they appear: typed, or taken from the selection in the narrative. */
export function MarkedNamesField({ value, onChange, getSelection, error }: MarkedNamesFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  function add(name: string) {
    const trimmed = name.trim();
    if (!trimmed) {
      setProblem(t('evidenceForm.markSelectionHint'));
      return;
    }
    const found = markedNameProblem(t, trimmed, value.length);
    if (found) {
      setProblem(found);
      return;
    }
    onChange(normalizeMarkedNames([...value, trimmed]));
    setProblem(null);
  }

  const shown = problem ?? error;
  return (
    <div className={`field marked-names${shown ? ' field-invalid' : ''}`}>
      <label htmlFor={`${id}-name`} className="field-label">
        {t('evidenceForm.markedNames')}
        <span className="field-optional">（{t('common.optional')}）</span>
      </label>
      <p id={`${id}-hint`} className="field-hint">
        {t('evidenceForm.markedNamesHint', { min: EVIDENCE_MARKED_NAME_MIN_LENGTH, max: EVIDENCE_MARKED_NAME_MAX_LENGTH })}
      </p>
      {value.length > 0 && (
        <ul className="tags">
          {value.map((name) => (
            <li key={name} className="tag tag-name">
              <span>{name}</span>
              <button type="button" className="tag-remove" aria-label={t('evidenceForm.removeName', { name })} onClick={() => onChange(value.filter((n) => n !== name))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="inline-input">
        <input
          id={`${id}-name`}
          className="input"
          value={draft}
          maxLength={EVIDENCE_MARKED_NAME_MAX_LENGTH}
          placeholder={t('evidenceForm.markedNamePlaceholder')}
          aria-describedby={`${id}-hint`}
          onChange={(event) => {
            setDraft(event.target.value);
            setProblem(null);
          }}
          onKeyDown={onEnter(() => {
            add(draft);
            if (!markedNameProblem(t, draft, value.length)) setDraft('');
          })}
        />
        <button
          type="button"
          className="button"
          disabled={!draft.trim()}
          onClick={() => {
            add(draft);
            if (!markedNameProblem(t, draft, value.length)) setDraft('');
          }}
        >
          {t('evidenceForm.addName')}
        </button>
        <button
          type="button"
          className="button"
          // Keep the selection in the narrative when the button is pressed.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => add(getSelection())}
          title={t('evidenceForm.markSelectionHint')}
        >
          {t('evidenceForm.markSelection')}
        </button>
      </div>
      {shown && (
        <p className="field-error" role="alert">
          {shown}
        </p>
      )}
    </div>
  );
}

/** What the shared detection finds as she types, with the form others will see. */
export function LiveFindings({ findings }: { findings: LiveFinding[] }) {
  const { t } = useTranslation();
  const labels = useEvidenceLabels();
  const where = (field: LiveFinding['field']) => {
    if (field === 'title') return t('evidenceRecord.piiField.title');
    if (field === 'narrative') return t('evidenceRecord.piiField.narrative');
    return t('evidenceRecord.piiField.figure', { number: Number(field.split('.')[1]) + 1 });
  };
  return (
    <div className={`pii-panel${findings.length > 0 ? ' pii-panel-found' : ''}`} aria-live="polite">
      <h3 className="pii-panel-title">
        {t('evidenceForm.piiTitle')}
        <span className="count">{findings.length}</span>
      </h3>
      {findings.length === 0 ? (
        <p className="muted small">{t('evidenceForm.piiNone')}</p>
      ) : (
        <>
          <p className="small">{t('evidenceForm.piiIntro')}</p>
          <ul className="pii-list">
            {findings.map((finding, index) => (
              <li key={`${finding.field}-${finding.start}-${index}`} className="pii-item" data-testid={TEST_IDS.evidencePiiFinding} data-kind={finding.kind} data-field={finding.field} data-masked={finding.masked}>
                <span className={`pii-kind pii-kind-${finding.kind}`}>{labels.piiKind(finding.kind)}</span>
                <span className="pii-where muted small">{where(finding.field)}</span>
                <mark className={`pii pii-${finding.kind} pii-raw`}>{finding.text}</mark>
                <span className="pii-arrow" aria-hidden="true">
                  →
                </span>
                <code className="pii-masked" aria-label={t('evidenceForm.piiMaskedAs', { masked: finding.masked })}>
                  {finding.masked}
                </code>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
