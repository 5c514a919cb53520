/**
 * A calibration small enough to travel in a live call's signalling message (docs/live.md): a
 * maker's file holds hundreds to thousands of points, the hub takes messages of 16 KiB. The
 * curve is resampled at LIVE_CALIBRATION_POINTS frequencies spaced evenly on a logarithmic axis
 * (as responseAtDb interpolates), with 1 kHz among them, where the sensitivity is stated. A
 * microphone's response is smooth on that axis: the levels move by hundredths of a dB. Pure.
 */
import { REFERENCE_FREQUENCY_HZ, responseAtDb } from './micCalibration.ts';
import type { StoredCalibration } from './storedCalibration.ts';

/** Points a live call carries at most: 256 × ~14 characters of JSON, under 4 kB. */
export const LIVE_CALIBRATION_POINTS = 256;

/** Five significant digits: neighbours of a 256-point grid stay apart (ratio ≥ 1.001). */
const digits = (value: number) => Number(value.toPrecision(5));
// `+ 0` turns −0 into 0, which JSON writes alike: the curve reads back equal.
const hundredths = (value: number) => Math.round(value * 100) / 100 + 0;

/** The frequencies to resample at: log-spaced over the file's range, 1 kHz among them. */
function grid(lowHz: number, highHz: number, count: number): number[] {
  const spaced = Array.from(
    { length: count - 1 },
    (_, i) => lowHz * (highHz / lowHz) ** (i / (count - 2)),
  );
  const inRange = REFERENCE_FREQUENCY_HZ > lowHz && REFERENCE_FREQUENCY_HZ < highHz;
  const all = inRange ? [...spaced, REFERENCE_FREQUENCY_HZ] : spaced;
  return all
    .map((f, i) => (i === 0 || i === count - 2 ? f : digits(f)))
    .sort((a, b) => a - b)
    .filter((f, i, sorted) => i === 0 || f > sorted[i - 1]);
}

/** The calibration as it is when it has at most `maxPoints` points, else resampled to them. */
export function thinCalibration(
  stored: StoredCalibration,
  maxPoints = LIVE_CALIBRATION_POINTS,
): StoredCalibration {
  const { frequenciesHz } = stored;
  if (frequenciesHz.length <= maxPoints) return stored;
  const curve = { frequenciesHz, responseDb: stored.responseDb, sensFactorDb: null };
  const thinHz = grid(frequenciesHz[0], frequenciesHz[frequenciesHz.length - 1], maxPoints);
  return {
    fileName: stored.fileName,
    sensitivityDbfs: stored.sensitivityDbfs,
    frequenciesHz: thinHz,
    responseDb: thinHz.map((f) => hundredths(responseAtDb(curve, f))),
  };
}
