import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cause } from '../../../shared/diagnosis/report.ts';
import { formatNumber } from '../../format/numbers.ts';

/**
 * One likely cause: its translated name, the component, confidence, severity, the evidence with
 * its numbers (the host's English sentences) and what to do. `data-cause-id` carries the cause id
 * of DESIGN.md §3 so tests and scripts can find a card whatever the page's language.
 */
export function CauseCard({ cause, rank }: { cause: Cause; rank: number }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  return (
    <article className="cause-card" data-cause-id={cause.id} aria-labelledby={titleId}>
      <h4 id={titleId}>
        <span className="cause-rank">{rank}.</span> {t(`causes.${cause.id}`)}
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
              value: formatNumber(100 * cause.confidence, i18n.language, 0),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('diagnosis.severity')}</dt>
          <dd>
            <span className={`severity severity-${cause.severity}`}>
              {t(`severities.${cause.severity}`)}
            </span>
          </dd>
        </div>
      </dl>
      {cause.evidence.length > 0 && (
        <>
          <h5>{t('diagnosis.evidence')}</h5>
          <ul className="evidence">
            {cause.evidence.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </>
      )}
      <h5>{t('diagnosis.action')}</h5>
      <p className="cause-action">{cause.action}</p>
    </article>
  );
}
