import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cause } from '../../../shared/diagnosis/report.ts';
import {
  causeName,
  renderAction,
  renderEvidence,
  severityName,
} from '../../../shared/i18n/diagnosisText.ts';
import { formatNumber } from '../../format/numbers.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';

/**
 * One likely cause: its name, the component, confidence, severity, the evidence with its numbers
 * and what to do, all worded from the report's codes in the page's language (an old report's
 * English sentences are shown as they are). `data-cause-id` carries the cause id of docs/formats.md
 * so tests and scripts can find a card whatever the page's language.
 */
export function CauseCard({ cause, rank }: { cause: Cause; rank: number }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const titleId = useId();
  return (
    <article className="cause-card" data-cause-id={cause.id} aria-labelledby={titleId}>
      <h4 id={titleId}>
        <span className="cause-rank">{rank}.</span> {causeName(cause.id, lang)}
      </h4>
      <dl className="cause-facts">
        <div>
          <dt>{t('diagnosis.component')}</dt>
          <dd>{cause.componentId ?? t('diagnosis.noComponent')}</dd>
        </div>
        <div>
          <dt>{t('diagnosis.confidence')}</dt>
          <dd>
            {t('diagnosis.percent', {
              value: formatNumber(100 * cause.confidence, lang, 0),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('diagnosis.severity')}</dt>
          <dd>
            <span className={`severity severity-${cause.severity}`}>
              {severityName(cause.severity, lang)}
            </span>
          </dd>
        </div>
      </dl>
      {cause.evidence.length > 0 && (
        <>
          <h5>{t('diagnosis.evidence')}</h5>
          <ul className="evidence">
            {cause.evidence.map((item, i) => (
              <li key={i}>{renderEvidence(item, lang)}</li>
            ))}
          </ul>
        </>
      )}
      <h5>{t('diagnosis.action')}</h5>
      <p className="cause-action">{renderAction(cause.action, lang)}</p>
    </article>
  );
}
