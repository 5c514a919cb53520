import { describe, expect, it } from 'vitest';
import { micCalibration } from '../../../../shared/audio/calibration/micCalibration.ts';
import {
  calibratedBaseline,
  calibratedLiveSeries,
  liveLevelScale,
} from '../../../../renderer/features/record/liveLevels.ts';
import { expectClose } from '../../../helpers/tolerance.ts';

/** −18.8 dBFS at 94 dB SPL; the response rises 6 dB from 1 kHz to 10 kHz. */
const calibration = micCalibration(
  { frequenciesHz: [100, 1000, 10_000], responseDb: [0, 0, 6], sensFactorDb: null },
  -18.8,
);

describe('liveLevelScale', () => {
  it('names absolute levels, or the baseline’s scale when matched to it', () => {
    expect(liveLevelScale(false, false)).toBe('dBFS/Hz');
    expect(liveLevelScale(true, false)).toBe('baseline');
    expect(liveLevelScale(true, true)).toBe('dB SPL/Hz');
    expect(liveLevelScale(false, true)).toBe('dB SPL/Hz');
  });
});

describe('calibratedLiveSeries', () => {
  it('undoes the gain and adds 94 − sensitivity less the response relative to 1 kHz', () => {
    const series = { frequenciesHz: [1000, 10_000], levelsDb: [-60, -70], peakDb: [-50, -55] };
    const spl = calibratedLiveSeries(series, calibration, 4);
    // 1 kHz: −60 + 4 + 112.8; 10 kHz: 6 dB less (the microphone hears it 6 dB louder).
    expectClose(spl.levelsDb[0], 56.8, 1e-9);
    expectClose(spl.levelsDb[1], 40.8, 1e-9);
    expectClose(spl.peakDb![1], 55.8, 1e-9);
    expect(series.levelsDb).toEqual([-60, -70]);
    expect(calibratedLiveSeries({ ...series, peakDb: null }, calibration, 0).peakDb).toBeNull();
  });

  it('moves the baseline by the same amounts, so the excess over it is unchanged', () => {
    const live = { frequenciesHz: [300, 3000], levelsDb: [-62, -71] };
    const baseline = {
      frequenciesHz: [300, 3000],
      medianDb: [-65, -80],
      lowerDb: [-68, -83],
      upperDb: [-63, -77],
    };
    const gainDb = -7.5;
    const spl = calibratedLiveSeries(live, calibration, gainDb);
    const band = calibratedBaseline(baseline, calibration, gainDb);
    for (let i = 0; i < 2; i++) {
      expectClose(spl.levelsDb[i] - band.upperDb[i], live.levelsDb[i] - baseline.upperDb[i], 1e-9);
      expectClose(band.medianDb[i] - band.lowerDb[i], 3, 1e-9);
    }
    expect(band.medianDb[0]).toBeGreaterThan(30);
  });
});
