/**
 * What the live view does with successive spectra, as REW's RTA and Friture do: an exponential
 * average of power with a time constant (a steadier line that still follows a change), and a
 * peak hold (the highest level each bin reached since the last reset). Both work bin by bin on
 * dB spectra of one length; free of worker globals so they can be tested in Node.
 */

/** Averaging time constants the live view offers, seconds (0: off). */
export const AVERAGING_CHOICES_SECONDS = [0, 1, 3, 10] as const;

/**
 * The weight of a new spectrum in an exponential average with time constant `timeConstantSeconds`
 * when it comes `elapsedSeconds` after the previous one: 1 − e^(−Δt/τ), so the average forgets
 * at the same rate in seconds however often spectra arrive; 1 (no averaging) when τ is 0.
 */
export function averagingWeight(elapsedSeconds: number, timeConstantSeconds: number): number {
  if (!(timeConstantSeconds > 0)) return 1;
  if (!(elapsedSeconds > 0)) return 0;
  return 1 - Math.exp(-elapsedSeconds / timeConstantSeconds);
}

/** dB to power: e^(dB·ln10/10) is a third faster than 10 ** (dB / 10) in V8. */
const DB_TO_NEPER = Math.LN10 / 10;

/**
 * An exponential average of power spectra given in dB (averaged as power, returned in dB).
 * Plain loops over typed arrays: this runs on every live spectrum (16 385 bins, ~12 a second),
 * where `Float64Array.from` with a mapping function cost a third of the analysis worker's time.
 */
export class SpectrumAverager {
  private powers: Float64Array | null = null;

  /** Adds `levelsDb` weighted for `elapsedSeconds` since the last; returns the average in dB. */
  push(levelsDb: ArrayLike<number>, elapsedSeconds: number, timeConstantSeconds: number) {
    const weight = averagingWeight(elapsedSeconds, timeConstantSeconds);
    const n = levelsDb.length;
    const out = new Float64Array(n);
    if (weight >= 1) {
      // No averaging: the spectrum passes as it is, and the next average starts from it.
      this.powers = null;
      for (let k = 0; k < n; k++) out[k] = levelsDb[k];
      return out;
    }
    let powers = this.powers;
    if (powers === null || powers.length !== n) {
      powers = this.powers = new Float64Array(n);
      for (let k = 0; k < n; k++) {
        powers[k] = Math.exp(levelsDb[k] * DB_TO_NEPER);
        out[k] = levelsDb[k];
      }
      return out;
    }
    for (let k = 0; k < n; k++) {
      powers[k] += weight * (Math.exp(levelsDb[k] * DB_TO_NEPER) - powers[k]);
      out[k] = 10 * Math.log10(powers[k]);
    }
    return out;
  }

  reset(): void {
    this.powers = null;
  }
}

/** The highest level of each bin since the last reset. */
export class PeakHold {
  private peaks: Float64Array | null = null;

  /** Takes in `levelsDb` and returns the peaks so far (a copy the caller may keep). */
  push(levelsDb: ArrayLike<number>): Float64Array {
    if (this.peaks === null || this.peaks.length !== levelsDb.length) {
      this.peaks = Float64Array.from(levelsDb);
    } else {
      for (let k = 0; k < levelsDb.length; k++) {
        if (levelsDb[k] > this.peaks[k]) this.peaks[k] = levelsDb[k];
      }
    }
    return this.peaks.slice();
  }

  reset(): void {
    this.peaks = null;
  }
}
