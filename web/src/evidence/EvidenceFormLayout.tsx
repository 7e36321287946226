import { useId, type ReactNode } from 'react';
import { FieldFrame } from '../ui/Field';

/** One titled card of the evidence form. */
export function FormCard({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className="card section form-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card-title">
        {title}
      </h2>
      {intro && <p className="field-hint form-card-intro">{intro}</p>}
      {children}
    </section>
  );
}

interface FieldProps {
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  optional?: boolean;
  /** The card's heading already names it (kept for assistive technology). */
  hideLabel?: boolean;
  children: (control: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
}

/** A labelled field of the form (the control gets its id, description and invalid state). */
export function Field({ label, hint, error, required, optional, hideLabel, children }: FieldProps) {
  return (
    <div className={hideLabel ? 'field-label-hidden' : undefined}>
      <FieldFrame label={label} hint={hint} error={error} required={required} optional={optional}>
        {children}
      </FieldFrame>
    </div>
  );
}
