/**
 * The band a recording and its baseline share (docs/diagnosis.md, "Through a phone"): a phone
 * keeps 300–3400 Hz, or a little more, whatever rate its file is decoded at. The band is found in
 * the data — where the recording's band levels stay near its own pass-band level relative to the
 * healthy shape — so a phone call decoded at 48 kHz is recognised as well as an 8 kHz one.
 */
import { bandCentreHz, bandEdgesHz } from '../features/bandGrid.ts';
import type { RecordingFeatures } from '../features/types.ts';
import type { BaselineModel } from './model.ts';

export const COMMON_BAND = {
  /** Bands this far below the recording's pass-band level (relative to the shape) are outside. */
  stopBandDb: 12,
  /** The pass-band level: this quantile of the band deviations (most bands of a phone pass). */
  passQuantile: 0.75,
  /** A band is narrower when it loses the lows above this... */
  narrowLowHz: 150,
  /** ...or ends below this fraction of the baseline's analysed band. */
  narrowHighFraction: 0.8,
  /**
   * The bands outside the run must lie this far below the pass level on average: a phone's
   * channel cuts by 30 dB and more, while a healthy machine's own spectrum varies by less than
   * this from one recording to the next (DCASE clips of one machine, at one rate, dip by 12 dB
   * in places and must not count as band-limited).
   */
  minCutDb: 20,
} as const;

export interface CommonBand {
  /** Band positions of the fixed grid inside the common band. */
  readonly positions: readonly number[];
  readonly lowHz: number;
  readonly highHz: number;
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/**
 * The common band when the recording's is clearly narrower than the baseline's (a phone, a low
 * sample rate), else null: full-band recordings are compared as they always were.
 */
export function narrowCommonBand(
  features: RecordingFeatures,
  model: BaselineModel,
): CommonBand | null {
  const count = Math.min(features.bandLevelsDb.length, model.bands.medianDb.length);
  if (count < 3) return null;
  const d = Array.from(
    { length: count },
    (_, b) => features.bandLevelsDb[b] - model.bands.medianDb[b],
  );
  const pass = quantile(d, COMMON_BAND.passQuantile) - COMMON_BAND.stopBandDb;
  // The longest run of bands at pass level: the phone's channel.
  let best: [number, number] = [0, -1];
  let start = -1;
  for (let b = 0; b <= count; b++) {
    if (b < count && d[b] >= pass) {
      if (start < 0) start = b;
    } else if (start >= 0) {
      if (b - 1 - start > best[1] - best[0]) best = [start, b - 1];
      start = -1;
    }
  }
  if (best[1] < best[0]) return null;
  const lowHz = bandEdgesHz(best[0])[0];
  const highHz = Math.min(features.analysedMaxHz, bandEdgesHz(best[1])[1]);
  const narrow =
    bandCentreHz(best[0]) > COMMON_BAND.narrowLowHz ||
    highHz < COMMON_BAND.narrowHighFraction * model.analysedMaxHz;
  if (!narrow) return null;
  const outside = d.filter((_, b) => b < best[0] || b > best[1]);
  const passLevel = pass + COMMON_BAND.stopBandDb;
  const meanOutside = outside.reduce((sum, v) => sum + v, 0) / Math.max(1, outside.length);
  if (outside.length > 0 && passLevel - meanOutside < COMMON_BAND.minCutDb) return null;
  const positions = Array.from({ length: best[1] - best[0] + 1 }, (_, i) => best[0] + i);
  return { positions, lowHz, highHz };
}
