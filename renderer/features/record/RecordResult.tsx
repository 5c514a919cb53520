import { useTranslation } from 'react-i18next';
import type { SessionResult } from '../../../shared/api/contract.ts';
import { tooShortNotice } from '../../../shared/api/recordingNotices.ts';
import { formatSeconds } from '../../format/numbers.ts';
import { formatRoute } from '../../app/route.ts';
import { noticeSentence } from '../recordings/index.ts';
import { DiagnosisPanel, NoBaselineVerdict } from '../review/index.ts';

export interface RecordResultProps {
  readonly result: SessionResult;
  readonly reviewHref: string;
  readonly onSaveToFaultLog: (diagnosisId: string, note: string) => Promise<void>;
}

/** What Stop produced: the saved recording, its verdict first, and the way to Review. */
export function RecordResult({ result, reviewHref, onSaveToFaultLog }: RecordResultProps) {
  const { t, i18n } = useTranslation();
  const { recording, diagnosis } = result;
  // The host leaves out the diagnosis for exactly two reasons: too short, or no baseline.
  const tooShort = tooShortNotice(recording.durationSeconds);
  return (
    <section className="record-result" aria-labelledby="record-result-title">
      <div className="section-header">
        <h3 id="record-result-title">
          {t('record.resultTitle', {
            name: recording.name,
            seconds: formatSeconds(recording.durationSeconds, i18n.language),
          })}
        </h3>
        <a className="button-link" href={reviewHref}>
          {t('record.openInReview')}
        </a>
      </div>
      {diagnosis ? (
        <DiagnosisPanel
          report={diagnosis.report}
          saveKey={diagnosis.id}
          onSaveToFaultLog={(note) => onSaveToFaultLog(diagnosis.id, note)}
        />
      ) : tooShort ? (
        <p className="notice">{noticeSentence(tooShort, t, i18n.language)}</p>
      ) : (
        <NoBaselineVerdict
          machineHref={formatRoute({
            screen: 'machines',
            view: 'detail',
            machineId: recording.machineId,
          })}
        />
      )}
    </section>
  );
}
