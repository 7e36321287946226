import { useMutation, useQuery } from '@apollo/client';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toAppError, type AppError } from '../graphql/errors';
import { ORGANIZATIONS_QUERY } from '../graphql/users';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { editFieldErrors, type EditFieldErrors } from './editErrors';
import { UPDATE_PROGRAM_MUTATION, type ProgramSummary } from './graphql';
import { ProgramDetailsFields, programDetailsInput, type ProgramDetails } from './ProgramDetailsFields';
import { PROGRAMS_TEST_IDS } from './testids';
import { useProgramsText } from './useProgramsText';

function detailsOf(program: ProgramSummary): ProgramDetails {
  return {
    name: program.name,
    issuingBody: program.issuingBody,
    districtId: program.district?.id ?? '',
    periodStart: String(program.periodStart),
    periodEnd: String(program.periodEnd),
    promulgatedOn: program.promulgatedOn ?? '',
    sourceDocument: program.sourceDocument ?? '',
  };
}

const EDIT_TEST_IDS = {
  name: PROGRAMS_TEST_IDS.editName,
  issuer: PROGRAMS_TEST_IDS.editIssuer,
  district: PROGRAMS_TEST_IDS.editDistrict,
  periodStart: PROGRAMS_TEST_IDS.editPeriodStart,
  periodEnd: PROGRAMS_TEST_IDS.editPeriodEnd,
  promulgated: PROGRAMS_TEST_IDS.editPromulgated,
  source: PROGRAMS_TEST_IDS.editSource,
};

interface EditProgramDialogProps {
  program: ProgramSummary;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}

/** "编辑信息": the saved program's details, with the server's field errors beside their fields. */
export function EditProgramDialog({ program, open, onClose, onSaved }: EditProgramDialogProps) {
  const t = useProgramsText();
  const [busy, setBusy] = useState(false);
  return (
    <Dialog open={open} title={t('edit.detailsTitle')} onClose={onClose} busy={busy}>
      <DetailsForm program={program} onCancel={onClose} onSaved={onSaved} onBusy={setBusy} />
    </Dialog>
  );
}

function DetailsForm({ program, onCancel, onSaved, onBusy }: { program: ProgramSummary; onCancel: () => void; onSaved: () => void; onBusy: (busy: boolean) => void }) {
  const t = useProgramsText();
  const { t: common } = useTranslation();
  const [values, setValues] = useState<ProgramDetails>(() => detailsOf(program));
  const [fieldErrors, setFieldErrors] = useState<EditFieldErrors>({});
  const [error, setError] = useState<AppError | null>(null);
  const [update, { loading }] = useMutation(UPDATE_PROGRAM_MUTATION);
  const organizations = useQuery(ORGANIZATIONS_QUERY);
  const districts = (organizations.data?.organizations ?? []).filter((o) => o.kind === 'district').map((d) => ({ value: d.id, label: d.name }));
  // the current district stays selectable while the list loads
  if (program.district && !districts.some((d) => d.value === program.district!.id)) districts.push({ value: program.district.id, label: program.district.name });
  const set = (changes: Partial<ProgramDetails>) => setValues((current) => ({ ...current, ...changes }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setFieldErrors({});
    onBusy(true);
    try {
      await update({
        variables: {
          input: { id: program.id, ...programDetailsInput(values) },
        },
      });
      onSaved();
    } catch (caught) {
      const appError = toAppError(caught);
      const errors = editFieldErrors(t, appError);
      if (errors) setFieldErrors(errors);
      else setError(appError);
    } finally {
      onBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <p className="muted">{t('edit.detailsIntro')}</p>
      <ProgramDetailsFields values={values} onChange={set} districts={districts} errors={fieldErrors} testIds={EDIT_TEST_IDS} autoFocus />
      <ErrorNotice error={error} title={t('edit.failed')} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel} disabled={loading}>
          {common('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={loading} data-testid={PROGRAMS_TEST_IDS.editSave}>
          {loading ? t('edit.saving') : t('edit.save')}
        </button>
      </div>
    </form>
  );
}
