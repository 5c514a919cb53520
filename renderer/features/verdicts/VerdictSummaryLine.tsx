import { useTranslation } from 'react-i18next';
import { severityName } from '../../../shared/i18n/diagnosisText.ts';
import type { ExpertVerdict } from '../../../shared/verdicts/expertVerdict.ts';
import { formatDateTime } from '../../format/numbers.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { verdictWhat } from './verdictText.ts';

/**
 * One verdict: "Expert verdict: corrected to looseness, by Dr Wen, 3 Mar 2026, 10:02", then its
 * severity, what to do and comment when given. `data-decision` lets tests find it in any language.
 */
export function VerdictSummaryLine({ verdict }: { verdict: ExpertVerdict }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <div className="expert-verdict" data-decision={verdict.decision} data-verdict-id={verdict.id}>
      <p className="expert-verdict-headline">
        {t('expertVerdict.shown', {
          what: verdictWhat(verdict, t, lang),
          name: verdict.expertName,
          when: formatDateTime(verdict.createdAt, lang),
        })}
      </p>
      {verdict.severity !== null && (
        <p>{t('expertVerdict.severityLine', { severity: severityName(verdict.severity, lang) })}</p>
      )}
      {verdict.action !== '' && <p>{t('expertVerdict.actionLine', { action: verdict.action })}</p>}
      {verdict.comment !== '' && (
        <p>{t('expertVerdict.commentLine', { comment: verdict.comment })}</p>
      )}
    </div>
  );
}
