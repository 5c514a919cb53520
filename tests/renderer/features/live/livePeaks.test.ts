/**
 * The expert's peak list through the technician's microphone calibration: a line's level in
 * dB SPL/Hz is its measured dBFS/Hz (the baseline match undone) plus the calibration's offset
 * at its frequency; without a calibration the list is on the spectrum's own scale.
 */
import { describe, expect, it } from 'vitest';
import { parseCalibrationFile } from '../../../../shared/audio/calibration/calibrationFile.ts';
import { micCalibration } from '../../../../shared/audio/calibration/micCalibration.ts';
import { livePeaks } from '../../../../renderer/features/live/livePeaks.ts';
import type { LiveSpectrum } from '../../../../renderer/features/record/liveMessages.ts';
import { expectClose } from '../../../helpers/tolerance.ts';

/** A floor at −100 dBFS/Hz with lines at 1 kHz (−40) and 4 kHz (−50), lowered by gainDb. */
function spectrum(gainDb: number | null): LiveSpectrum {
  const frequenciesHz = Float32Array.from({ length: 1025 }, (_, i) => i * 7.8125);
  const levelsDb = frequenciesHz.map((f) => {
    const line = f === 1000 ? -40 : f === 4000 ? -50 : -100;
    return line - (gainDb ?? 0);
  });
  return { frequenciesHz, levelsDb, gainDb, peakDb: null };
}

/** Flat to 1 kHz, +6 dB at 4 kHz; 94 dB SPL at 1 kHz reads −30 dBFS. */
const RISING = micCalibration(parseCalibrationFile('20 0\n1000 0\n4000 6\n'), -30);

describe('livePeaks', () => {
  it('lists the lines on the spectrum’s own scale without a calibration', () => {
    const peaks = livePeaks(spectrum(12));
    expect(peaks.map((p) => p.frequencyHz)).toEqual([1000, 4000]);
    expectClose(peaks[0].levelDb, -52, 1e-4);
  });

  it('lists them in dB SPL/Hz through a calibration, the baseline match undone', () => {
    for (const gainDb of [null, 12, -7.5]) {
      const [at1k, at4k] = livePeaks(spectrum(gainDb), RISING);
      // −40 dBFS/Hz + 94 − (−30) = 84; at 4 kHz the microphone gives 6 dB more than it hears.
      expectClose(at1k.levelDb, 84, 1e-4);
      expectClose(at4k.levelDb, -50 + 124 - 6, 1e-4);
    }
  });
});
