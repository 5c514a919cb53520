import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { secondsInputValue } from '../../format/numbers.ts';
import type { TimeRange } from './defaultRegion.ts';

export interface RegionFieldsProps {
  readonly region: TimeRange;
  readonly onChange: (region: TimeRange) => void;
  readonly onReset: () => void;
}

function SecondsField(props: {
  label: string;
  value: number;
  onCommit: (seconds: number) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    const seconds = Number(draft);
    if (draft !== null && draft.trim() !== '' && Number.isFinite(seconds)) props.onCommit(seconds);
    setDraft(null);
  };
  return (
    <label className="inline">
      {props.label}
      <input
        type="number"
        step="0.01"
        min="0"
        className="seconds"
        value={draft ?? secondsInputValue(props.value)}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event: KeyboardEvent) => {
          if (event.key === 'Enter') commit();
        }}
      />
    </label>
  );
}

/**
 * The analysed stretch as two numbers, for the keyboard (the region on the waveform needs a
 * pointer), and a button back to the default region.
 */
export function RegionFields({ region, onChange, onReset }: RegionFieldsProps) {
  const { t } = useTranslation();
  return (
    <div className="row region-fields">
      <SecondsField
        key={`start-${region.startSeconds}`}
        label={t('review.regionStart')}
        value={region.startSeconds}
        onCommit={(startSeconds) => onChange({ ...region, startSeconds })}
      />
      <SecondsField
        key={`end-${region.endSeconds}`}
        label={t('review.regionEnd')}
        value={region.endSeconds}
        onCommit={(endSeconds) => onChange({ ...region, endSeconds })}
      />
      <button type="button" onClick={onReset}>
        {t('review.regionReset')}
      </button>
    </div>
  );
}
