import type { TFunction } from 'i18next';
import { useQuery } from '@apollo/client';
import { EVIDENCE_LINK_NOTE_MAX_LENGTH, EVIDENCE_LINK_QUOTE_MAX_LENGTH } from '@jianyan/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TEST_IDS } from '../app/testids';
import { useEvidenceLabels } from '../evidence/labels';
import { LockIcon } from '../evidence/SensitivityBadge';
import { EVIDENCE_OPTIONS_QUERY, type EvidenceOption, type ProposalEvidence } from '../graphql/evidence';
import { toAppError, type AppError } from '../graphql/errors';
import { useLabels } from '../i18n/labels';
import { ErrorNotice } from '../ui/ErrorNotice';
import { SearchPicker, useTypedSearch } from '../ui/SearchPicker';
import { useLinkEvidence } from './useLinkEvidence';
import type { Notify } from './useNotice';

/** A BAD_USER_INPUT / FORBIDDEN on linking, in words. */
function linkErrorMessage(t: TFunction, error: AppError): string | undefined {
  if (error.code === 'FORBIDDEN') return t('evidencePanel.errors.forbidden');
  if (error.code !== 'BAD_USER_INPUT') return undefined;
  if (error.field === 'suggestionId') return t('evidencePanel.errors.suggestion');
  if (error.field === 'evidenceId') return /already linked/i.test(error.message ?? '') ? t('evidencePanel.errors.alreadyLinked') : t('evidencePanel.errors.notPublished');
  if (error.field === 'note') return t('evidencePanel.noteTooLong', { max: EVIDENCE_LINK_NOTE_MAX_LENGTH });
  if (error.field === 'quote') return t('evidencePanel.quoteTooLong', { max: EVIDENCE_LINK_QUOTE_MAX_LENGTH });
  return undefined;
}

const RESULTS = 8;

/** Search (as you type, over published evidence the viewer is cleared for), choose, target, note, quote, link. */
export function LinkForm({ proposal, notify, onClose }: { proposal: ProposalEvidence; notify: Notify; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useEvidenceLabels();
  const orgLabels = useLabels();
  const id = useId();
  const { typed, setTyped, search } = useTypedSearch();
  const [chosen, setChosen] = useState<EvidenceOption | null>(null);
  const [target, setTarget] = useState('');
  const [note, setNote] = useState('');
  const [quote, setQuote] = useState('');
  const [chooseHint, setChooseHint] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [linkEvidence, { loading }] = useLinkEvidence(proposal.id);

  const options = useQuery(EVIDENCE_OPTIONS_QUERY, {
    variables: { first: RESULTS, filter: { text: search || null, status: 'published' } },
    fetchPolicy: 'cache-and-network',
  });
  const results = options.data?.evidenceList.nodes ?? [];

  /** Where a record is already linked (whole proposal '' or a suggestion id), passages aside. */
  const linkedTargetsOf = (option: EvidenceOption | null) =>
    new Set(option ? proposal.evidenceLinks.all.filter((l) => l.evidence?.id === option.id && !l.citationId).map((l) => l.suggestionId ?? '') : []);
  const linkedTargets = linkedTargetsOf(chosen);

  function choose(option: EvidenceOption) {
    setChosen(option);
    setChooseHint(false);
    setError(null);
    // Move off a target where it is already linked, to the first free one.
    const taken = linkedTargetsOf(option);
    if (taken.has(target)) {
      const free = ['', ...proposal.suggestions.map((s) => s.id)].find((candidate) => !taken.has(candidate));
      if (free !== undefined) setTarget(free);
    }
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!chosen) {
      setChooseHint(true);
      return;
    }
    try {
      await linkEvidence({ evidenceId: chosen.id, suggestionId: target || null, note: note.trim() || null, quote: quote.trim() || null });
      notify(t('evidencePanel.linked', { title: chosen.title }));
      onClose();
    } catch (caught) {
      setError(toAppError(caught));
    }
  }

  return (
    <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
      <SearchPicker
        id={id}
        texts={{
          label: t('evidencePanel.search'),
          placeholder: t('evidencePanel.searchPlaceholder'),
          hint: t('evidencePanel.searchHint'),
          failed: t('evidencePanel.searchFailed'),
          searching: t('evidencePanel.searching'),
          noResults: t('evidencePanel.noResults'),
          resultsLabel: t('evidencePanel.resultsLabel'),
        }}
        typed={typed}
        onType={setTyped}
        inputTestId={TEST_IDS.evidenceLinkSearch}
        query={options}
        results={results}
        className="evidence-options"
        renderOption={(option) => {
          const selected = chosen?.id === option.id;
          return (
            <button
              type="button"
              className={`person-option evidence-option${selected ? ' person-option-selected' : ''}`}
              aria-pressed={selected}
              aria-label={t('evidencePanel.choose', { title: option.title })}
              onClick={() => choose(option)}
              data-testid={TEST_IDS.evidenceLinkOption}
              data-evidence-id={option.id}
            >
              <span className="person-name evidence-option-title">{option.title}</span>
              <span className="evidence-option-meta muted small">
                <span className={`badge sens-badge sens-${option.effectiveSensitivity}`}>
                  <LockIcon level={option.effectiveSensitivity} />
                  {labels.sensitivity(option.effectiveSensitivity)}
                </span>
                {labels.sourceType(option.sourceType)} · {labels.period(option.dateFrom, option.dateTo)}
                {option.district ? ` · ${orgLabels.organization(option.district)}` : ''}
              </span>
            </button>
          );
        }}
      />
      {chooseHint && (
        <p className="field-error" role="alert">
          {t('evidencePanel.chooseFirst')}
        </p>
      )}

      <div className="field">
        <label htmlFor={`${id}-target`} className="field-label">
          {t('evidencePanel.target')}
        </label>
        <select
          id={`${id}-target`}
          className="input"
          value={target}
          aria-describedby={`${id}-target-hint`}
          onChange={(event) => setTarget(event.target.value)}
          data-testid={TEST_IDS.evidenceLinkTarget}
        >
          <option value="" disabled={linkedTargets.has('')}>
            {t('evidencePanel.targetGeneral')}
            {linkedTargets.has('') ? t('evidencePanel.alreadyLinked') : ''}
          </option>
          {proposal.suggestions.map((suggestion) => (
            <option key={suggestion.id} value={suggestion.id} disabled={linkedTargets.has(suggestion.id)}>
              {t('evidencePanel.targetSuggestion', { number: suggestion.number, title: suggestion.title })}
              {linkedTargets.has(suggestion.id) ? t('evidencePanel.alreadyLinked') : ''}
            </option>
          ))}
        </select>
        <p id={`${id}-target-hint`} className="field-hint">
          {t('evidencePanel.targetHint')}
        </p>
      </div>

      <div className="field">
        <label htmlFor={`${id}-note`} className="field-label">
          {t('evidencePanel.noteLabel')}
          <span className="field-optional">（{t('common.optional')}）</span>
        </label>
        <textarea
          id={`${id}-note`}
          className="input textarea"
          rows={2}
          value={note}
          maxLength={EVIDENCE_LINK_NOTE_MAX_LENGTH}
          aria-describedby={`${id}-note-hint`}
          onChange={(event) => setNote(event.target.value)}
        />
        <p id={`${id}-note-hint`} className="field-hint">
          {t('evidencePanel.noteHint')}
        </p>
      </div>

      <div className="field">
        <label htmlFor={`${id}-quote`} className="field-label">
          {t('evidencePanel.quoteLabel')}
          <span className="field-optional">（{t('common.optional')}）</span>
        </label>
        <textarea
          id={`${id}-quote`}
          className="input textarea"
          rows={2}
          value={quote}
          maxLength={EVIDENCE_LINK_QUOTE_MAX_LENGTH}
          aria-describedby={`${id}-quote-hint`}
          onChange={(event) => setQuote(event.target.value)}
        />
        <p id={`${id}-quote-hint`} className="field-hint">
          {t('evidencePanel.quoteHint')}
        </p>
      </div>

      <ErrorNotice error={error} message={error ? linkErrorMessage(t, error) : undefined} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} disabled={loading}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={loading} data-testid={TEST_IDS.evidenceLinkSubmit}>
          {loading ? t('common.working') : t('evidencePanel.submit')}
        </button>
      </div>
    </form>
  );
}
