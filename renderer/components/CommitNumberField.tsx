import { useState } from 'react';

export interface CommitNumberFieldProps {
  readonly label: string;
  readonly value: number | null;
  readonly placeholder?: string;
  /** Lowest value the browser's stepper offers. */
  readonly min?: number;
  /** Called with the number typed (null when emptied), on Enter or when the field is left. */
  readonly onCommit: (value: number | null) => void;
}

/**
 * A number field that commits on Enter or blur, not on every keystroke: a view setting (a range
 * end, a level) would otherwise redraw a chart for each digit typed. Text that is not a number
 * is dropped.
 */
export function CommitNumberField({
  label,
  value,
  placeholder,
  min,
  onCommit,
}: CommitNumberFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const typed = draft.trim() === '' ? null : Number(draft);
    if (typed === null || Number.isFinite(typed)) onCommit(typed);
    setDraft(null);
  };
  return (
    <label className="inline">
      {label}
      <input
        type="number"
        min={min}
        className="view-number"
        value={draft ?? (value === null ? '' : String(value))}
        placeholder={placeholder}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
      />
    </label>
  );
}
