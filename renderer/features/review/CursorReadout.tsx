import { useTranslation } from 'react-i18next';
import type { SpectrumTable } from '../../chart/spectrumTable.ts';
import { formatFrequencyHz, formatLevelDb } from '../../format/numbers.ts';

/**
 * The values under the pointer: frequency, level and the baseline there (median and normal
 * band) in `unit` (the chart's: dBFS/Hz, or dB SPL/Hz when calibrated), or a hint while the
 * pointer is elsewhere.
 */
export function CursorReadout(props: { table: SpectrumTable; index: number | null; unit: string }) {
  const { table, index, unit } = props;
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (index === null || index < 0 || index >= table.frequenciesHz.length) {
    return <p className="readout muted">{t('review.readoutHint')}</p>;
  }
  const db = (value: number | null) => (value === null ? '—' : formatLevelDb(value, lang));
  const median = table.medianDb[index];
  return (
    <p className="readout" data-testid="cursor-readout">
      <span>
        {t('review.readoutFrequency', {
          value: formatFrequencyHz(table.frequenciesHz[index], lang),
        })}
      </span>
      <span>{t('review.readoutLevel', { value: db(table.levelsDb[index]), unit })}</span>
      {median !== null && (
        <span>
          {t('review.readoutBaseline', {
            median: db(median),
            lower: db(table.lowerDb[index]),
            upper: db(table.upperDb[index]),
            unit,
          })}
        </span>
      )}
    </p>
  );
}
