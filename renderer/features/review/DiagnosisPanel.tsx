import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiagnosisReport } from '../../../shared/diagnosis/report.ts';
import { renderSpeedUsed, speedsHeading } from '../../../shared/i18n/diagnosisText.ts';
import { formatNumber } from '../../format/numbers.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { CauseCard } from './CauseCard.tsx';
import { FindingsList } from './FindingsList.tsx';
import { SaveToFaultLog } from './SaveToFaultLog.tsx';
import { scoreScale } from './scoreScale.ts';
import { NoBaselineVerdict, Verdict } from './Verdict.tsx';
import { reportJudged } from '../../../shared/diagnosis/report.ts';

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
  /**
   * Set when the machine has no baseline: the verdict's place says so and links here (the
   * machine's page with its baseline panel); the report stays among the analyst's numbers.
   */
  readonly noBaselineHref?: string;
}

function ScoreMeter({ report }: { report: DiagnosisReport }) {
  const { t, i18n } = useTranslation();
  const scale = scoreScale(report.anomalyScore, report.threshold);
  const score = formatNumber(report.anomalyScore, i18n.language, 1);
  const threshold = formatNumber(report.threshold, i18n.language, 1);
  return (
    <div className="score">
      <p>
        {t(report.anomalous ? 'diagnosis.scoreAbove' : 'diagnosis.scoreBelow', {
          score,
          threshold,
        })}
      </p>
      <meter
        aria-label={t('verdict.scoreLabel')}
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

/** Which speed each shaft was judged at and where it came from (given, the sound, the profile). */
function SpeedsUsed({ report }: { report: DiagnosisReport }) {
  const lang = useLanguage();
  if (!report.speeds || report.speeds.length === 0) return null;
  return (
    <div className="speeds-used">
      <h5>{speedsHeading(lang)}</h5>
      <ul>
        {report.speeds.map((item) => (
          <li key={item.params.shaftId} data-speed-source={item.code}>
            {renderSpeedUsed(item, lang)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The analyst's level, one click away: score against threshold, speeds, cause cards, findings. */
function AnalystDetails({ report }: { report: DiagnosisReport }) {
  const { t } = useTranslation();
  return (
    <details className="analyst-details">
      <summary>{t('verdict.analystDetails')}</summary>
      <ScoreMeter report={report} />
      <SpeedsUsed report={report} />
      {report.causes.length > 0 && (
        <div className="cause-list">
          {report.causes.map((cause, i) => (
            <CauseCard key={`${cause.id}-${cause.componentId ?? ''}`} cause={cause} rank={i + 1} />
          ))}
        </div>
      )}
      <FindingsList findings={report.findings} />
    </details>
  );
}

/**
 * A diagnosis, verdict first: in plain words what is wrong, how sure, how urgent and what was
 * heard (or, without a baseline, the one action that makes a verdict possible); the analyst's
 * numbers behind a disclosure; and, when the caller can store it, "Save to fault log".
 * Presentational: the caller does the saving.
 */
export function DiagnosisPanel({
  report,
  saveKey,
  onSaveToFaultLog,
  title,
  noBaselineHref,
}: DiagnosisPanelProps) {
  const { t } = useTranslation();
  const titleId = useId();
  // A recording that failed the input check, or lies outside the speeds of its baseline, has no
  // score or finding to show, only its reasons.
  const unusable = !reportJudged(report);
  return (
    <section className="panel diagnosis" aria-labelledby={titleId}>
      <h3 id={titleId}>{title ?? t('diagnosis.title')}</h3>
      {noBaselineHref === undefined || unusable ? (
        <Verdict report={report} />
      ) : (
        <NoBaselineVerdict machineHref={noBaselineHref} />
      )}
      {!unusable && <AnalystDetails report={report} />}
      {saveKey !== undefined && onSaveToFaultLog && (
        <SaveToFaultLog key={saveKey} onSave={onSaveToFaultLog} />
      )}
    </section>
  );
}
