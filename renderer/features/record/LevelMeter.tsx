import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format/numbers.ts';
import type { LevelReading } from './levelMeter.ts';

/** The meter's scale, dBFS: quieter than −60 dBFS is no use for a diagnosis anyway. */
const METER_MIN_DBFS = -60;

/** Peak and RMS input level in dBFS with a clipping warning. */
export function LevelMeter({ level }: { level: LevelReading | null }) {
  const { t, i18n } = useTranslation();
  const rows = [
    ['peak', level?.peakDbfs ?? null],
    ['rms', level?.rmsDbfs ?? null],
  ] as const;
  return (
    <div className="level-meter">
      <h3>{t('record.level')}</h3>
      {rows.map(([kind, value]) => {
        const text = value === null ? '—' : formatNumber(value, i18n.language, 1);
        return (
          <div className="level-row" key={kind}>
            <span className="level-name">{t(`record.${kind}`)}</span>
            <meter
              aria-label={t(`record.${kind}Label`)}
              min={METER_MIN_DBFS}
              max={0}
              low={-20}
              high={-3}
              optimum={-30}
              value={Math.max(METER_MIN_DBFS, value ?? METER_MIN_DBFS)}
            >
              {text}
            </meter>
            <span className="level-value">{text}</span>
          </div>
        );
      })}
      {level?.clipping && (
        <p className="notice clipping" role="alert">
          {t('record.clipping')}
        </p>
      )}
    </div>
  );
}
