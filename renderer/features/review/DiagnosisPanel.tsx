import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiagnosisReport } from '../../../shared/diagnosis/report.ts';
import { formatNumber } from '../../format/numbers.ts';
import { CauseCard } from './CauseCard.tsx';
import { FindingsList } from './FindingsList.tsx';
import { SaveToFaultLog } from './SaveToFaultLog.tsx';
import { scoreScale } from './scoreScale.ts';

export interface DiagnosisPanelProps {
  readonly report: DiagnosisReport;
  /**
   * What would be saved (a stored diagnosis' id, or a stretch); with `onSaveToFaultLog`, the
   * panel offers "Save to fault log", its form starting afresh when this changes.
   */
  readonly saveKey?: string;
  /** Stores the diagnosis in the fault log with the technician's note (may be empty). */
  readonly onSaveToFaultLog?: (note: string) => Promise<void>;
  /** The heading's text; defaults to "Diagnosis". */
  readonly title?: string;
}

function ScoreMeter({ report }: { report: DiagnosisReport }) {
  const { t, i18n } = useTranslation();
  const scale = scoreScale(report.anomalyScore, report.threshold);
  const score = formatNumber(report.anomalyScore, i18n.language, 1);
  const threshold = formatNumber(report.threshold, i18n.language, 1);
  return (
    <div className="score">
      <p className={report.anomalous ? 'verdict verdict-abnormal' : 'verdict verdict-normal'}>
        {report.anomalous ? t('diagnosis.abnormal') : t('diagnosis.normal')}
      </p>
      <p>
        {t(report.anomalous ? 'diagnosis.scoreAbove' : 'diagnosis.scoreBelow', {
          score,
          threshold,
        })}
      </p>
      <meter
        aria-label={t('diagnosis.scoreLabel')}
        min={0}
        max={scale.max}
        low={report.threshold}
        high={report.threshold}
        optimum={0}
        value={scale.value}
      >
        {score}
      </meter>
    </div>
  );
}

/**
 * A diagnosis: the anomaly score against the threshold with the verdict, one card per likely
 * cause (most confident first), or a clear "no fault found"; the findings behind it; and, when
 * the caller can store it, "Save to fault log". Presentational: the caller does the saving.
 */
export function DiagnosisPanel({ report, saveKey, onSaveToFaultLog, title }: DiagnosisPanelProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const healthy = !report.anomalous && report.causes.length === 0;
  return (
    <section className="panel diagnosis" aria-labelledby={titleId}>
      <h3 id={titleId}>{title ?? t('diagnosis.title')}</h3>
      <ScoreMeter report={report} />
      {healthy ? (
        <p className="no-fault" role="note">
          <strong>{t('diagnosis.noFault')}</strong> {t('diagnosis.noFaultExplain')}
        </p>
      ) : report.causes.length === 0 ? (
        <p className="notice">{t('diagnosis.noCause')}</p>
      ) : (
        <div className="cause-list">
          {report.causes.map((cause, i) => (
            <CauseCard key={`${cause.id}-${cause.componentId ?? ''}`} cause={cause} rank={i + 1} />
          ))}
        </div>
      )}
      <FindingsList findings={report.findings} />
      {saveKey !== undefined && onSaveToFaultLog && (
        <SaveToFaultLog key={saveKey} onSave={onSaveToFaultLog} />
      )}
    </section>
  );
}
