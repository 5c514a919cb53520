import { useTranslation } from 'react-i18next';
import type { SessionResult } from '../../../shared/api/contract.ts';
import { formatSeconds } from '../../format/numbers.ts';
import { formatRoute } from '../../app/route.ts';
import { DiagnosisPanel, NoBaselineVerdict } from '../review/index.ts';

export interface RecordResultProps {
  readonly result: SessionResult;
  readonly reviewHref: string;
  readonly onSaveToFaultLog: (diagnosisId: string, note: string) => Promise<void>;
  /** Whether the machine has a baseline: without one, the verdict's place says how to get one. */
  readonly hasBaseline: boolean;
}

/** What Stop produced: the saved recording, its verdict first, and the way to Review. */
export function RecordResult({
  result,
  reviewHref,
  onSaveToFaultLog,
  hasBaseline,
}: RecordResultProps) {
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
      ) : hasBaseline ? (
        <p className="notice">{t('record.noDiagnosis')}</p>
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
