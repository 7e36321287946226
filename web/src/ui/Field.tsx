import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FrameProps {
  label: string;
  hint?: ReactNode;
  error?: string | null;
  required?: boolean;
  optional?: boolean;
  children: (control: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
}

/** Label, control, hint and error message, wired together for assistive technology. */
export function FieldFrame({ label, hint, error, required, optional, children }: FrameProps) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
        {required && <span className="field-mark" aria-hidden="true"> *</span>}
        {optional && <span className="field-optional">（{t('common.optional')}）</span>}
      </label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'tel' | 'password' | 'number' | 'date' | 'search';
  autoComplete?: string;
  inputMode?: 'text' | 'email' | 'tel' | 'numeric';
  placeholder?: string;
  min?: number;
  max?: number;
  disabled?: boolean;
  hint?: ReactNode;
  error?: string | null;
  required?: boolean;
  optional?: boolean;
  maxLength?: number;
  testId?: string;
  autoFocus?: boolean;
  name?: string;
}

export function TextField({ label, hint, error, required, optional, onChange, testId, ...input }: TextFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} required={required} optional={optional}>
      {(control) => (
        <input
          {...control}
          {...input}
          type={input.type ?? 'text'}
          required={required}
          className="input"
          data-testid={testId}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FieldFrame>
  );
}

interface SelectFieldProps<V extends string> {
  label: string;
  value: V | '';
  onChange: (value: V) => void;
  options: readonly { value: V; label: string }[];
  placeholder?: string;
  hint?: ReactNode;
  error?: string | null;
  required?: boolean;
  disabled?: boolean;
  testId?: string;
}

export function SelectField<V extends string>(props: SelectFieldProps<V>) {
  const { label, value, onChange, options, placeholder, hint, error, required, disabled, testId } = props;
  return (
    <FieldFrame label={label} hint={hint} error={error} required={required}>
      {(control) => (
        <select
          {...control}
          className="input"
          value={value}
          required={required}
          disabled={disabled}
          data-testid={testId}
          onChange={(event) => onChange(event.target.value as V)}
        >
          {placeholder !== undefined && (
            <option value="" disabled>
              {placeholder}
            </option>
          )}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

interface TextAreaFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string | null;
  required?: boolean;
  optional?: boolean;
  maxLength?: number;
  rows?: number;
  placeholder?: string;
  testId?: string;
  autoFocus?: boolean;
  name?: string;
}

export function TextAreaField({ label, hint, error, required, optional, onChange, testId, rows = 4, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} required={required} optional={optional}>
      {(control) => (
        <textarea
          {...control}
          {...textarea}
          rows={rows}
          required={required}
          className="input textarea"
          data-testid={testId}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FieldFrame>
  );
}
