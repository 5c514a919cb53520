import { useTranslation } from 'react-i18next';
import type { MonthCauses } from '../../../../shared/api/contract.ts';
import { causeName } from '../../../../shared/i18n/diagnosisText.ts';
import { formatNumber } from '../../../format/numbers.ts';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { formatMonth } from './trendSeries.ts';

/** The machine's top causes counted by calendar month (UTC), newest month first. */
export function CausesByMonth({ months }: { months: readonly MonthCauses[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <table className="causes-by-month">
      <caption>{t('trend.causesTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('trend.month')}</th>
          <th scope="col">{t('trend.diagnoses')}</th>
          <th scope="col">{t('trend.causes')}</th>
        </tr>
      </thead>
      <tbody>
        {[...months].reverse().map((m) => (
          <tr key={m.month}>
            <th scope="row">{formatMonth(m.month, lang)}</th>
            <td className="number">{formatNumber(m.diagnosisCount, lang, 0)}</td>
            <td>
              {m.causes.length === 0
                ? t('trend.noCause')
                : m.causes
                    .map((c) =>
                      t('trend.causeCount', {
                        cause: causeName(c.causeId, lang),
                        count: formatNumber(c.count, lang, 0),
                      }),
                    )
                    .join(t('trend.separator'))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
