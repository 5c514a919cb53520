import { useId } from 'react';
import type { ReactNode } from 'react';

export interface FieldProps {
  readonly label: string;
  /** The problem with this field in one line, or null. */
  readonly problem: string | null;
  readonly children: (control: {
    id: string;
    describedBy: string | undefined;
    invalid: boolean;
  }) => ReactNode;
}

/** A label, a control and the control's problem, wired for screen readers (aria-describedby). */
export function Field({ label, problem, children }: FieldProps) {
  const id = useId();
  const problemId = `${id}-problem`;
  return (
    <div className={problem === null ? 'field' : 'field invalid'}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        describedBy: problem === null ? undefined : problemId,
        invalid: problem !== null,
      })}
      {problem !== null && (
        <span className="field-problem" id={problemId}>
          {problem}
        </span>
      )}
    </div>
  );
}

export interface TextFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly problem?: string | null;
  readonly numeric?: boolean;
  readonly placeholder?: string;
}

/** A text or number input with its label and problem. Numbers stay text as typed. */
export function TextField({
  label,
  value,
  onChange,
  problem = null,
  numeric = false,
  placeholder,
}: TextFieldProps) {
  return (
    <Field label={label} problem={problem}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          type="text"
          inputMode={numeric ? 'decimal' : undefined}
          value={value}
          placeholder={placeholder}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
