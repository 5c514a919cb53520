/**
 * The fixed 1/6-octave band grid on which recordings and baselines are compared. Band k has the
 * centre 1000 · 2^(k/6) Hz; the grid starts at k = -32 (24.8 Hz), so band indices agree whatever
 * a recording's sample rate was.
 */
export const FIRST_BAND_INDEX = -32;
const BANDS_PER_OCTAVE = 6;
const HALF_BAND_RATIO = 2 ** (1 / (2 * BANDS_PER_OCTAVE));

export function bandCentreHz(position: number): number {
  return 1000 * 2 ** ((position + FIRST_BAND_INDEX) / BANDS_PER_OCTAVE);
}

export function bandEdgesHz(position: number): [number, number] {
  return bandEdgesAroundHz(bandCentreHz(position));
}

/** Lower and upper edge of the grid band centred on `centreHz` (a finding's band). */
export function bandEdgesAroundHz(centreHz: number): [number, number] {
  return [centreHz / HALF_BAND_RATIO, centreHz * HALF_BAND_RATIO];
}

/** Number of grid bands whose upper edge lies at or below maxFrequencyHz. */
export function bandCountBelow(maxFrequencyHz: number): number {
  let count = 0;
  while (bandEdgesHz(count)[1] <= maxFrequencyHz) count++;
  return count;
}

/**
 * Mean power spectral density in each band from a narrowband PSD (linear units), as dB re 1
 * unit²/Hz. A band narrower than a bin takes the PSD interpolated at its centre.
 */
export function bandLevelsDb(
  psd: ArrayLike<number>,
  binWidthHz: number,
  bandCount: number,
): number[] {
  const levels: number[] = [];
  for (let b = 0; b < bandCount; b++) {
    const [lowHz, highHz] = bandEdgesHz(b);
    const first = Math.ceil(lowHz / binWidthHz);
    const last = Math.min(psd.length - 1, Math.floor(highHz / binWidthHz));
    let sum = 0;
    let count = 0;
    for (let i = first; i <= last; i++) {
      sum += psd[i];
      count++;
    }
    if (count === 0) {
      const position = bandCentreHz(b) / binWidthHz;
      const i = Math.min(psd.length - 2, Math.floor(position));
      const fraction = position - i;
      sum = psd[i] * (1 - fraction) + psd[i + 1] * fraction;
      count = 1;
    }
    levels.push(powerToDb(sum / count));
  }
  return levels;
}

/** 10·log10 with a floor at -300 dB, so silence stays finite (and JSON-safe). */
export function powerToDb(power: number): number {
  return power > 1e-30 ? 10 * Math.log10(power) : -300;
}
