import { useTranslation } from 'react-i18next';
import type { Cause, DiagnosisReport } from '../../../shared/diagnosis/report.ts';
import { verdictOf } from '../../../shared/diagnosis/health.ts';
import {
  causeName,
  inputAction,
  inputReason,
  inputVerdict,
  inputWarning,
  judgedBandText,
  outsideSpeedsAction,
  outsideSpeedsVerdict,
  scoreScaleText,
} from '../../../shared/i18n/diagnosisText.ts';
import {
  componentLabel,
  plainEvidence,
  severityScaleLine,
  urgencyLine,
  verdictHeadline,
} from '../../../shared/i18n/plainText.ts';
import { formatNumber } from '../../format/numbers.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { HealthBadge } from '../../components/HealthBadge.tsx';

/**
 * One cause in plain words: its name and component, the headline (what, what to do, how soon),
 * how sure, how urgent and what was heard. `data-cause-id` carries the cause id of
 * docs/formats.md so tests find it whatever the page's language.
 */
function CauseVerdict({ cause, primary }: { cause: Cause; primary: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const component = cause.componentId === null ? null : componentLabel(cause.componentId);
  const Headline = primary ? 'h4' : 'h5';
  return (
    <article
      className={primary ? 'cause-verdict primary' : 'cause-verdict'}
      data-cause-id={cause.id}
    >
      <p className="verdict-cause">
        {causeName(cause.id, lang)}
        {component !== null && ` · ${component}`}
      </p>
      <Headline className="verdict-headline">{verdictHeadline(cause, component, lang)}</Headline>
      <p className="verdict-facts">
        <span>
          {t('verdict.howSure', { percent: formatNumber(100 * cause.confidence, lang, 0) })}
        </span>{' '}
        <span className={`severity severity-${cause.severity}`}>
          {t('verdict.howUrgent', { urgency: urgencyLine(cause.severity, lang) })}
        </span>
      </p>
      <p className="verdict-why">
        <strong>{t('verdict.why')}</strong> {plainEvidence(cause, lang)}
      </p>
    </article>
  );
}

/**
 * "How unusual: 13.9 — 3 is the edge of normal for this machine.", with what the score measures
 * as its title (the report's scale, worded by shared/i18n/diagnosisText.ts).
 */
function ScoreLine({ report }: { report: DiagnosisReport }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const threshold = formatNumber(report.threshold, lang, 1);
  return (
    <p
      className="verdict-score"
      title={report.scoreScale ? scoreScaleText(report.scoreScale, threshold, lang) : undefined}
    >
      {t('verdict.score', { score: formatNumber(report.anomalyScore, lang, 1), threshold })}
      {report.judgedBand ? (
        <span className="verdict-band" data-judged-band={report.judgedBand.code}>
          {' '}
          {judgedBandText(report.judgedBand, lang)}
        </span>
      ) : null}
    </p>
  );
}

/** Minor problems of the recording that still allowed a diagnosis, one line each. */
function InputWarnings({ report }: { report: DiagnosisReport }) {
  const lang = useLanguage();
  const warnings = report.input?.problems.filter((p) => p.severity === 'warning') ?? [];
  if (warnings.length === 0) return null;
  return (
    <ul className="notice input-warnings">
      {warnings.map((p) => (
        <li key={p.code} data-input-problem={p.code}>
          {inputWarning(p, lang)}
        </li>
      ))}
    </ul>
  );
}

/**
 * The verdict of a recording that failed the input check: "No usable signal: check the
 * microphone", each reason and what to do — no health, no score, no cause. Null when the input
 * allowed a diagnosis.
 */
export function InputVerdict({ report }: { report: DiagnosisReport }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const headline = inputVerdict(report.input, lang);
  if (headline === null || !report.input) return null;
  return (
    <div className="verdict-block" data-verdict="no-usable-signal">
      <p className="verdict-headline plain">{headline}</p>
      {report.input.problems.map((p) => (
        <div key={p.code} className="verdict-why" data-input-problem={p.code}>
          <p>{inputReason(p, lang)}</p>
          <p>
            <strong>{t('verdict.whatToDo')}</strong> {inputAction(p, lang)}
          </p>
        </div>
      ))}
    </div>
  );
}

/**
 * The verdict of a recording at a speed its baseline does not cover: the speeds and what to do —
 * no score, no cause (nothing measured says what is normal there).
 */
function OutsideSpeedsVerdict({ report }: { report: DiagnosisReport }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (!report.outsideSpeeds) return null;
  return (
    <div className="verdict-block" data-verdict="outside-speeds">
      <div className="verdict-top">
        <HealthBadge health="outside-speeds" />
      </div>
      <p className="verdict-headline plain">{outsideSpeedsVerdict(report.outsideSpeeds, lang)}</p>
      <p className="verdict-why">
        <strong>{t('verdict.whatToDo')}</strong> {outsideSpeedsAction(lang)}
      </p>
    </div>
  );
}

/**
 * The verdict first, in plain words: the health badge, the most likely cause's headline with how
 * sure and how urgent, the score on its scale and what was heard; other causes follow, each
 * with its own plain sentence.
 */
export function Verdict({ report }: { report: DiagnosisReport }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (report.input && !report.input.usable) return <InputVerdict report={report} />;
  if (report.outsideSpeeds) return <OutsideSpeedsVerdict report={report} />;
  const [top, ...others] = report.causes;
  const health = verdictOf({ anomalous: report.anomalous, severity: top?.severity ?? null });
  return (
    <div className="verdict-block" data-verdict={health}>
      <div className="verdict-top">
        <HealthBadge health={health} />
        <ScoreLine report={report} />
      </div>
      <InputWarnings report={report} />
      {top === undefined ? (
        <p className="verdict-headline plain">
          {report.anomalous ? t('verdict.noCause') : t('verdict.healthy')}
        </p>
      ) : (
        <CauseVerdict cause={top} primary />
      )}
      {top !== undefined && <p className="muted verdict-scale">{severityScaleLine(lang)}</p>}
      {others.length > 0 && (
        <div className="verdict-others">
          <h5>{t('verdict.alsoPossible')}</h5>
          {others.map((cause) => (
            <CauseVerdict
              key={`${cause.id}-${cause.componentId ?? ''}`}
              cause={cause}
              primary={false}
            />
          ))}
        </div>
      )}
    </div>
  );
}

/** Where the verdict would be when the machine has no baseline: the one action that fixes it. */
export function NoBaselineVerdict({ machineHref }: { machineHref: string }) {
  const { t } = useTranslation();
  return (
    <div className="verdict-block" data-verdict="no-baseline">
      <div className="verdict-top">
        <HealthBadge health="no-baseline" />
      </div>
      <p className="verdict-headline plain">{t('verdict.noBaseline')}</p>
      <a className="button-link" href={machineHref}>
        {t('verdict.buildBaseline')}
      </a>
    </div>
  );
}
