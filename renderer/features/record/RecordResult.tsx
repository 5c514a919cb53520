import { useTranslation } from 'react-i18next';
import type { SessionResult } from '../../../shared/api/contract.ts';
import { formatSeconds } from '../../format/numbers.ts';
import { DiagnosisPanel } from '../review/index.ts';

export interface RecordResultProps {
  readonly result: SessionResult;
  readonly reviewHref: string;
  readonly onSaveToFaultLog: (diagnosisId: string, note: string) => Promise<void>;
}

/** What Stop produced: the saved recording, its diagnosis, and the way to Review. */
export function RecordResult({ result, reviewHref, onSaveToFaultLog }: RecordResultProps) {
  const { t, i18n } = useTranslation();
  const { recording, diagnosis } = result;
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
      ) : (
        <p className="notice">{t('record.noDiagnosis')}</p>
      )}
    </section>
  );
}
