import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../components/ErrorText.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import type { ImportPanelProps } from './ImportPanel.tsx';
import { RecordingTable } from './RecordingTable.tsx';
import type { RecordingRow } from './useRecordings.ts';

export interface RecordingsPanelProps extends ImportPanelProps {
  readonly recordings: readonly RecordingRow[] | null;
  readonly error: string | null;
  readonly selectedIds: ReadonlySet<string>;
  readonly onToggle: (recordingId: string, selected: boolean) => void;
}

/** A machine's recordings, chosen for a baseline by checkbox, and the WAV import below them. */
export function RecordingsPanel({
  recordings,
  error,
  selectedIds,
  onToggle,
  ...imports
}: RecordingsPanelProps) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="recordings-title">
      <h3 id="recordings-title">{t('recordings.title')}</h3>
      <ErrorText message={error} />
      {recordings !== null && recordings.length === 0 && (
        <p className="muted">{t('recordings.none')}</p>
      )}
      {recordings !== null && recordings.length > 0 && (
        <RecordingTable recordings={recordings} selectedIds={selectedIds} onToggle={onToggle} />
      )}
      <ImportPanel {...imports} />
    </section>
  );
}
