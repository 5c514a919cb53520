import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format/numbers.ts';
import { MAX_BACKLOG_SECONDS } from './sessionUploader.ts';
import type { RecordingStatus } from './liveRecording.ts';

export interface RecordControlsProps {
  readonly status: RecordingStatus | null;
  /** The live input runs and a machine is chosen. */
  readonly canRecord: boolean;
  readonly active: boolean;
  readonly onRecord: () => void;
  readonly onStop: () => void;
}

/** A backlog above this is worth telling: the host is slower than the audio comes. */
const BACKLOG_WARNING_SECONDS = 2;

function StatusText({ status }: { status: RecordingStatus }) {
  const { t, i18n } = useTranslation();
  const seconds = (value: number) => formatNumber(value, i18n.language, 1);
  const written = t('record.written', {
    captured: seconds(status.capturedSeconds),
    written: seconds(status.writtenSeconds),
  });
  switch (status.phase) {
    case 'starting':
      return <p className="muted">{t('record.opening')}</p>;
    case 'recording':
      return (
        <p className="record-status">
          <span className="recording-dot" aria-hidden="true" /> {t('record.recording')} · {written}
        </p>
      );
    case 'stopping':
      return (
        <p className="record-status">
          {t('record.stopping')} · {written}
        </p>
      );
    case 'done':
      return (
        <p className="record-status">
          {t('record.saved', { written: seconds(status.writtenSeconds) })}
        </p>
      );
    case 'failed':
      return null;
  }
}

/** Record and Stop, what has been captured and written to disk, and the host's lag. */
export function RecordControls({
  status,
  canRecord,
  active,
  onRecord,
  onStop,
}: RecordControlsProps) {
  const { t, i18n } = useTranslation();
  const seconds = (value: number) => formatNumber(value, i18n.language, 1);
  return (
    <div className="record-controls">
      <div className="record-buttons">
        <button
          type="button"
          className="primary record-button"
          disabled={!canRecord || active}
          onClick={onRecord}
        >
          {t('record.record')}
        </button>
        <button type="button" disabled={!active || status?.phase !== 'recording'} onClick={onStop}>
          {t('record.stop')}
        </button>
      </div>
      {status && <StatusText status={status} />}
      {status?.phase === 'recording' && status.backlogSeconds > BACKLOG_WARNING_SECONDS && (
        <p className="notice" role="status">
          {t('record.backlog', {
            seconds: seconds(status.backlogSeconds),
            limit: seconds(MAX_BACKLOG_SECONDS),
          })}
        </p>
      )}
      {status?.stoppedForBacklog && (
        <p className="notice" role="alert">
          {t('record.overflow', { seconds: seconds(status.capturedSeconds) })}
        </p>
      )}
      {status?.error && (
        <p className="error-text" role="alert">
          {t('record.failed', { error: status.error })}
        </p>
      )}
    </div>
  );
}
