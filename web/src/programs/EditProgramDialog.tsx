import { useMutation, useQuery } from '@apollo/client';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toAppError, type AppError } from '../graphql/errors';
import { ORGANIZATIONS_QUERY } from '../graphql/users';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { SelectField, TextField } from '../ui/Field';
import { editFieldErrors, type EditFieldErrors } from './editErrors';
import { UPDATE_PROGRAM_MUTATION, type ProgramSummary } from './graphql';
import { PROGRAMS_TEST_IDS } from './testids';
import { useProgramsText } from './useProgramsText';

interface Details {
  name: string;
  issuingBody: string;
  districtId: string;
  periodStart: string;
  periodEnd: string;
  promulgatedOn: string;
  sourceDocument: string;
}

function detailsOf(program: ProgramSummary): Details {
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
  const [values, setValues] = useState<Details>(() => detailsOf(program));
  const [fieldErrors, setFieldErrors] = useState<EditFieldErrors>({});
  const [error, setError] = useState<AppError | null>(null);
  const [update, { loading }] = useMutation(UPDATE_PROGRAM_MUTATION);
  const organizations = useQuery(ORGANIZATIONS_QUERY);
  const districts = (organizations.data?.organizations ?? []).filter((o) => o.kind === 'district').map((d) => ({ value: d.id, label: d.name }));
  // the current district stays selectable while the list loads
  if (program.district && !districts.some((d) => d.value === program.district!.id)) districts.push({ value: program.district.id, label: program.district.name });
  const set = (changes: Partial<Details>) => setValues((current) => ({ ...current, ...changes }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setFieldErrors({});
    onBusy(true);
    try {
      await update({
        variables: {
          input: {
            id: program.id,
            name: values.name.trim(),
            issuingBody: values.issuingBody.trim(),
            districtId: values.districtId || null,
            periodStart: Number(values.periodStart),
            periodEnd: Number(values.periodEnd),
            promulgatedOn: values.promulgatedOn.trim() || null,
            sourceDocument: values.sourceDocument.trim() || null,
          },
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
      <TextField
        label={t('import.name')}
        value={values.name}
        onChange={(name) => set({ name })}
        error={fieldErrors.name}
        required
        maxLength={200}
        autoFocus
        testId={PROGRAMS_TEST_IDS.editName}
      />
      <TextField
        label={t('import.issuingBody')}
        value={values.issuingBody}
        onChange={(issuingBody) => set({ issuingBody })}
        error={fieldErrors.issuingBody}
        required
        maxLength={200}
        testId={PROGRAMS_TEST_IDS.editIssuer}
      />
      <SelectField
        label={t('import.district')}
        value={values.districtId}
        onChange={(districtId) => set({ districtId })}
        options={[{ value: '', label: t('import.noDistrict') }, ...districts]}
        error={fieldErrors.districtId}
        testId={PROGRAMS_TEST_IDS.editDistrict}
      />
      <div className="form-row">
        <TextField
          label={t('import.periodStart')}
          type="number"
          value={values.periodStart}
          onChange={(periodStart) => set({ periodStart })}
          error={fieldErrors.periodStart}
          required
          testId={PROGRAMS_TEST_IDS.editPeriodStart}
        />
        <TextField
          label={t('import.periodEnd')}
          type="number"
          value={values.periodEnd}
          onChange={(periodEnd) => set({ periodEnd })}
          error={fieldErrors.periodEnd}
          required
          testId={PROGRAMS_TEST_IDS.editPeriodEnd}
        />
        <TextField
          label={t('import.promulgatedOn')}
          hint={t('import.promulgatedHint')}
          value={values.promulgatedOn}
          onChange={(promulgatedOn) => set({ promulgatedOn })}
          error={fieldErrors.promulgatedOn}
          optional
          testId={PROGRAMS_TEST_IDS.editPromulgated}
        />
      </div>
      <TextField
        label={t('import.sourceDocument')}
        value={values.sourceDocument}
        onChange={(sourceDocument) => set({ sourceDocument })}
        error={fieldErrors.sourceDocument}
        optional
        maxLength={500}
        testId={PROGRAMS_TEST_IDS.editSource}
      />
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
