import { useTranslation } from 'react-i18next';
import type { CauseId } from '../../../shared/diagnosis/report.ts';
import { causeName } from '../../../shared/i18n/diagnosisText.ts';
import { REMOTE_RECORD_SECONDS } from '../../../shared/live/protocol.ts';
import { formatRoute } from '../../app/route.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import type { ExpertCall } from './useExpertCall.ts';

/**
 * "Record 10 s on site": the technician's app records at full quality through its own recording
 * path and diagnoses it; the verdict comes back here, with the way to the real recording.
 */
export function RemoteRecordPanel({ expert }: { expert: ExpertCall }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const result = expert.recordResult;
  const busy = result?.phase === 'recording';
  return (
    <div className="live-record" data-record-phase={result?.phase ?? 'none'}>
      <button type="button" onClick={expert.askToRecord} disabled={busy || expert.stream === null}>
        {t('live.recordOnSite', { seconds: REMOTE_RECORD_SECONDS })}
      </button>
      <p role="status">
        {result?.phase === 'recording' && t('live.recordingOnSite')}
        {result?.phase === 'failed' && t('live.recordFailed', { error: result.message })}
        {result?.phase === 'done' && (
          <>
            <span data-cause-id={result.causeId ?? ''}>
              {result.causeId
                ? t('live.recordedCause', { cause: causeName(result.causeId as CauseId, language) })
                : t(
                    result.anomalous === null ? 'live.recordedUndiagnosed' : 'live.recordedHealthy',
                  )}
            </span>{' '}
            <a href={formatRoute({ screen: 'review', recordingId: result.recordingId })}>
              {t('live.openRecording')}
            </a>
          </>
        )}
      </p>
    </div>
  );
}
