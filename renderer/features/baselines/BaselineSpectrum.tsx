import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { BaselineSpectrumView } from '../../../shared/api/contract.ts';
import { SpectrumChart } from '../../chart/SpectrumChart.tsx';
import { formatFrequencyHz, formatNumber } from '../../format/numbers.ts';

/** The baseline's healthy spectrum: median and normal band, with its legend. */
export function BaselineSpectrum({ spectrum }: { spectrum: BaselineSpectrumView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const formatTick = useCallback((value: number) => formatNumber(value, lang, 1), [lang]);
  const frequencies = spectrum.frequenciesHz;
  return (
    <figure className="spectrum">
      <SpectrumChart
        series={spectrum}
        description={t('baseline.chartDescription', {
          min: formatFrequencyHz(frequencies.find((hz) => hz > 0) ?? 0, lang),
          max: formatFrequencyHz(frequencies[frequencies.length - 1] ?? 0, lang),
        })}
        frequencyLabel={t('chart.frequencyHz')}
        // A baseline is built from uncalibrated recordings' spectra: dBFS/Hz.
        levelLabel={t('chart.levelUnit', { unit: 'dBFS/Hz' })}
        formatTick={formatTick}
      />
      <figcaption>
        <span className="legend-median">{t('chart.median')}</span>
        <span className="legend-band">{t('chart.band')}</span>
      </figcaption>
    </figure>
  );
}
