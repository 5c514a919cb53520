import { describe, expect, it } from 'vitest';
import {
  micCalibration,
  splOffsetDb,
} from '../../../../shared/audio/calibration/micCalibration.ts';
import type { MicCalibration } from '../../../../shared/audio/calibration/micCalibration.ts';
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

describe('the calibration offsets remembered between frames', () => {
  /** UMIK-1-shaped: 613 points from 10 Hz to 20 kHz, a response that wanders ±2 dB. */
  const umikHz = Array.from({ length: 613 }, (_, i) => 10 * 2000 ** (i / 612));
  const umik = micCalibration({
    frequenciesHz: umikHz,
    responseDb: umikHz.map((f) => 2 * Math.sin(Math.log(f))),
    sensFactorDb: -0.8,
  });
  /** The shift as it was computed before the offsets were remembered: per point, per frame. */
  const direct = (
    levelsDb: ArrayLike<number>,
    frequenciesHz: ArrayLike<number>,
    cal: MicCalibration,
    gainDb: number,
  ) =>
    Array.from(levelsDb, (levelDb, i) => levelDb + (gainDb + splOffsetDb(cal, frequenciesHz[i])));

  /** A frame as the worker sends it: each group of 4 bins (of 48 kHz / 8192) gives one bin. */
  function frame(seed: number) {
    const binHz = 48_000 / 8192;
    const pick = (p: number) => 1 + 4 * p + ((p * 7 + seed * 3) % 4);
    const frequenciesHz = Float32Array.from({ length: 2048 }, (_, p) => pick(p) * binHz);
    const levelsDb = Float32Array.from(
      { length: 2048 },
      (_, p) => -70 + ((p * 13 + seed) % 29) / 3,
    );
    const peakDb = levelsDb.map((db, p) => db + (p % 5));
    return { frequenciesHz, levelsDb, peakDb };
  }

  it('gives the same numbers as computing each offset afresh, frame after frame', () => {
    // Two calibrations in turn, other gains and other loudest bins each frame: a memory kept
    // for the wrong calibration or the wrong frequency would show in the numbers.
    for (let seed = 0; seed < 12; seed++) {
      const series = frame(seed);
      const cal = seed % 2 === 0 ? umik : calibration;
      const gainDb = seed * 0.7 - 3;
      const spl = calibratedLiveSeries(series, cal, gainDb);
      expect(spl.levelsDb).toEqual(direct(series.levelsDb, series.frequenciesHz, cal, gainDb));
      expect(spl.peakDb).toEqual(direct(series.peakDb, series.frequenciesHz, cal, gainDb));
    }
  });

  it('moves the baseline by the same numbers as computing each offset afresh', () => {
    const frequenciesHz = Array.from({ length: 2000 }, (_, i) => 20 + i * 11.3);
    const medianDb = frequenciesHz.map((f) => -60 - Math.log10(f));
    const baseline = {
      frequenciesHz,
      medianDb,
      lowerDb: medianDb.map((db) => db - 4),
      upperDb: medianDb.map((db) => db + 5),
    };
    for (const [cal, gainDb] of [
      [umik, 2.5],
      [calibration, -1.2],
      [umik, 0],
    ] as const) {
      const band = calibratedBaseline(baseline, cal, gainDb);
      expect(band.medianDb).toEqual(direct(medianDb, frequenciesHz, cal, gainDb));
      expect(band.lowerDb).toEqual(direct(baseline.lowerDb, frequenciesHz, cal, gainDb));
      expect(band.upperDb).toEqual(direct(baseline.upperDb, frequenciesHz, cal, gainDb));
    }
  });
});
