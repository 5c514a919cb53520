import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaultLogEntry, RecordingSummary } from '../../../shared/api/contract.ts';
import { MAX_FAULT_NOTE_LENGTH } from '../../../shared/api/limits.ts';
import { nextStatuses } from '../../../shared/faultLog/workflow.ts';
import type { FaultStatus } from '../../../shared/faultLog/workflow.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { useErrorSentence } from '../../api/errors.ts';
import { ErrorText } from '../../components/ErrorText.tsx';
import { formatDateTime } from '../../format/numbers.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { PersonNameField, usePersonName } from '../settings/index.ts';

export interface EntryActionsProps {
  readonly entry: FaultLogEntry;
  /** The machine's recordings made after the entry: what may verify it. */
  readonly followUps: readonly RecordingSummary[];
  /** Called with the entry as the host returns it after a change. */
  readonly onChanged: (entry: FaultLogEntry) => void;
}

/** The button text for a move to `status`. */
function actionKey(status: FaultStatus): string {
  if (status === 'verified') return 'faultLog.actions.verify';
  if (status === 'dismissed') return 'faultLog.actions.dismiss';
  return 'faultLog.actions.moveTo';
}

/** The recordings that may verify the entry: the machine's, made after it, newest first. */
function FollowUpSelect({
  followUps,
  value,
  onChange,
}: {
  followUps: readonly RecordingSummary[];
  value: string;
  onChange: (recordingId: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('faultLog.actions.followUp')}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">
          {followUps.length === 0
            ? t('faultLog.actions.noFollowUps')
            : t('faultLog.actions.chooseFollowUp')}
        </option>
        {followUps.map((recording) => (
          <option key={recording.id} value={recording.id}>
            {`${recording.name} · ${formatDateTime(recording.createdAt, lang)}`}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * What a supervisor can do with an entry: move it to a status the workflow allows next (verify
 * with a follow-up recording, dismiss with a reason), and archive or unarchive it. Every change
 * names who made it; without a name the form asks for one first. The host checks every rule:
 * a refusal comes back as its sentence.
 */
export function EntryActions({ entry, followUps, onChanged }: EntryActionsProps) {
  const { t } = useTranslation();
  const api = useApi();
  const describeError = useErrorSentence();
  const { name } = usePersonName();
  const nameInput = useRef<HTMLInputElement>(null);
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const [followUpRecordingId, setFollowUp] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = (change: () => Promise<FaultLogEntry>) => {
    if (name.trim() === '') {
      setError(t('faultLog.actions.nameNeeded'));
      nameInput.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    change().then(
      (updated) => {
        setBusy(false);
        setReason('');
        onChanged(updated);
      },
      (failure: unknown) => {
        setBusy(false);
        setError(describeError(failure));
      },
    );
  };
  const move = (toStatus: FaultStatus) =>
    run(() =>
      api.faultLog.transition(entry.id, toStatus, {
        by: name,
        reason: reason.trim(),
        ...(toStatus === 'verified' && followUpRecordingId !== '' ? { followUpRecordingId } : {}),
      }),
    );
  const statuses = nextStatuses(entry.status);
  return (
    <section className="panel fault-log-actions" aria-labelledby={`${reasonId}-title`}>
      <h3 id={`${reasonId}-title`}>{t('faultLog.actions.title')}</h3>
      <PersonNameField inputRef={nameInput} />
      {statuses.length > 0 && (
        <div className="field">
          <label htmlFor={reasonId}>{t('faultLog.actions.reason')}</label>
          <textarea
            id={reasonId}
            rows={2}
            maxLength={MAX_FAULT_NOTE_LENGTH}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        </div>
      )}
      {statuses.includes('verified') && (
        <FollowUpSelect followUps={followUps} value={followUpRecordingId} onChange={setFollowUp} />
      )}
      <div className="row fault-log-buttons">
        {statuses.map((status) => (
          <button
            key={status}
            type="button"
            className={status === 'verified' ? 'primary' : undefined}
            disabled={busy}
            onClick={() => move(status)}
          >
            {t(actionKey(status), { status: t(`faultLog.statuses.${status}`) })}
          </button>
        ))}
        <button
          type="button"
          disabled={busy}
          onClick={() => run(() => api.faultLog.setArchived(entry.id, !entry.archived, name))}
        >
          {entry.archived ? t('faultLog.actions.unarchive') : t('faultLog.actions.archive')}
        </button>
      </div>
      <ErrorText message={error} />
    </section>
  );
}
