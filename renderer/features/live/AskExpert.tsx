import { useTranslation } from 'react-i18next';
import type { StoredCalibration } from '../../../shared/audio/calibration/storedCalibration.ts';
import type { ProcessingFeature } from '../record/inputDevices.ts';
import type { RecordingSession } from '../record/useRecordingSession.ts';
import { useTechnicianCall } from './useTechnicianCall.ts';

export interface AskExpertProps {
  readonly machineId: string | null;
  readonly deviceId: string | null;
  readonly session: RecordingSession;
  /** The page comes from a desktop linked to a hub: a machine the hub lacks must be synced. */
  readonly viaDesktopLink?: boolean;
  /** The input device's microphone calibration: the experts' levels are then in dB SPL. */
  readonly calibration?: StoredCalibration | null;
}

/**
 * "Ask an expert" on the Record screen of a hub (or of a desktop linked to one): opens a live call for the chosen machine, says
 * who listens, carries out the expert's recording on site, and ends the call (here or there).
 */
export function AskExpert({
  machineId,
  deviceId,
  session,
  viaDesktopLink,
  calibration,
}: AskExpertProps) {
  const { t } = useTranslation();
  const call = useTechnicianCall(machineId, deviceId, session, calibration ?? null);
  // The hub answers not-found for a machine it does not have in the person's plants: from a
  // desktop, that is most often a machine not synced yet.
  const endKey = call.endReason === 'not-found' && viaDesktopLink ? 'not-synced' : call.endReason;
  const inCall =
    call.phase === 'connecting' || call.phase === 'waiting' || call.phase === 'connected';
  const features = (list: readonly ProcessingFeature[]) =>
    list.map((feature) => t(`record.processing.${feature}`)).join(t('record.listSeparator'));
  return (
    <section
      className="panel live-ask"
      aria-label={t('live.askTitle')}
      data-live-phase={call.phase}
    >
      <div className="section-header">
        <h3>{t('live.askTitle')}</h3>
        {inCall ? (
          <button type="button" onClick={call.end}>
            {t('live.endCall')}
          </button>
        ) : (
          <button type="button" onClick={call.ask} disabled={machineId === null}>
            {t('live.ask')}
          </button>
        )}
      </div>
      <p role="status" className="live-status">
        {call.phase === 'idle' && t('live.askHint')}
        {call.phase === 'connecting' && t('live.connecting')}
        {call.phase === 'waiting' && t('live.waiting')}
        {call.phase === 'connected' &&
          t('live.listening', {
            names: call.listeners.map((p) => p.name).join(t('record.listSeparator')),
          })}
        {call.phase === 'ended' && endKey && t(`live.techEnded.${endKey}`)}
      </p>
      {inCall && call.keptOn.length > 0 && (
        <p className="notice">{t('record.processingKept', { features: features(call.keptOn) })}</p>
      )}
      {call.speaking && (
        <p className="live-speaking" role="status">
          {t('live.speaking', { name: call.speaking.name })}
        </p>
      )}
      {call.recordingFor && (
        <p className="notice" role="status">
          {t('live.recordingFor', { name: call.recordingFor.name })}
        </p>
      )}
    </section>
  );
}
