import { useTranslation } from 'react-i18next';
import type { Cause, DiagnosisReport } from '../../../shared/diagnosis/report.ts';
import { verdictOf } from '../../../shared/diagnosis/health.ts';
import { causeName } from '../../../shared/i18n/diagnosisText.ts';
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

/** "How unusual: 13.9 — 3 is the edge of normal for this machine." */
function ScoreLine({ report }: { report: DiagnosisReport }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <p className="verdict-score">
      {t('verdict.score', {
        score: formatNumber(report.anomalyScore, lang, 1),
        threshold: formatNumber(report.threshold, lang, 1),
      })}
    </p>
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
  const [top, ...others] = report.causes;
  const health = verdictOf({ anomalous: report.anomalous, severity: top?.severity ?? null });
  return (
    <div className="verdict-block" data-verdict={health}>
      <div className="verdict-top">
        <HealthBadge health={health} />
        <ScoreLine report={report} />
      </div>
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
