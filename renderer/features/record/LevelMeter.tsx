import { useTranslation } from 'react-i18next';
import { REFERENCE_SPL_DB } from '../../../shared/audio/calibration/micCalibration.ts';
import { formatNumber } from '../../format/numbers.ts';
import type { LiveFrame } from './liveMessages.ts';
import { useFrameValue } from './useFrameValue.ts';

/** The meter's scale, dBFS: quieter than −60 dBFS is no use for a diagnosis anyway. */
const METER_MIN_DBFS = -60;

function tenths(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * Peak and RMS input level in dBFS with a clipping warning; only this re-renders per frame. With
 * a calibrated microphone (`sensitivityDbfs`: what 94 dB SPL at 1 kHz reads) also the RMS in
 * dB SPL, from that sensitivity alone: exact for a tone near 1 kHz, the response curve not applied.
 */
export function LevelMeter({
  subscribeFrames,
  sensitivityDbfs = null,
}: {
  subscribeFrames: (listener: (frame: LiveFrame) => void) => () => void;
  sensitivityDbfs?: number | null;
}) {
  const { t, i18n } = useTranslation();
  // Rounded to the 0.1 dB shown, so a frame that changes nothing visible renders nothing.
  const peakDbfs = useFrameValue(
    subscribeFrames,
    (frame) => tenths(frame.level.peakDbfs),
    null as number | null,
  );
  const rmsDbfs = useFrameValue(
    subscribeFrames,
    (frame) => tenths(frame.level.rmsDbfs),
    null as number | null,
  );
  const clipping = useFrameValue(subscribeFrames, (frame) => frame.level.clipping, false);
  const rows = [
    ['peak', peakDbfs],
    ['rms', rmsDbfs],
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
      {sensitivityDbfs !== null && rmsDbfs !== null && (
        <p className="level-spl">
          {t('record.rmsSpl', {
            level: formatNumber(rmsDbfs + REFERENCE_SPL_DB - sensitivityDbfs, i18n.language, 1),
          })}
        </p>
      )}
      {clipping && (
        <p className="notice clipping" role="alert">
          {t('record.clipping')}
        </p>
      )}
    </div>
  );
}
