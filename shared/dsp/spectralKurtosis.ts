/**
 * Spectral kurtosis (SK) and the choice of a demodulation band, a "kurtogram-lite":
 * for each STFT window length N, SK(f) = ⟨|X(t,f)|⁴⟩ / ⟨|X(t,f)|²⟩² − 2 over the frames t.
 * Stationary Gaussian noise gives 0 at every frequency; impulses that ring a resonance raise SK
 * in the resonance's band. The band with the highest SK over all window lengths is where the
 * Hilbert envelope shows the impacts best.
 *
 * J. Antoni, "The spectral kurtosis: a useful tool for characterising non-stationary signals",
 * MSSP 20 (2006) 282–307 (eq. 11, STFT estimator); J. Antoni, "Fast computation of the
 * kurtogram for the detection of transient faults", MSSP 21 (2007) 108–124. The estimator here
 * is biased by about −2/M for M frames (negligible for the ≥ 1000 frames of a few seconds).
 */
import { realFftPlan } from './fft.ts';
import type { FrequencySeries, SampleArray } from './types.ts';
import { windowDescriptor } from './windows.ts';

export interface SpectralKurtosisOptions {
  /** STFT window (Hann, periodic) length, a power of two >= 8. Default 256. */
  readonly windowLength?: number;
  /** Frame advance in samples. Default windowLength / 4 (75 % overlap). */
  readonly hopLength?: number;
}

export interface SpectralKurtosis extends FrequencySeries {
  /** SK per bin, 0 for Gaussian noise (excess, like Fisher's kurtosis of the magnitude). */
  readonly values: Float64Array;
  readonly windowLength: number;
  readonly frameCount: number;
  /** Width of the band a bin stands for: the Hann window's −6 dB width, 2·fs/N. */
  readonly bandwidthHz: number;
}

function checkWindowLength(n: number, where: string): void {
  if (!(Number.isInteger(n) && n >= 8 && (n & (n - 1)) === 0)) {
    throw new RangeError(`${where}: windowLength must be a power of two >= 8, got ${n}`);
  }
}

/** Adds |X_k|² and |X_k|⁴ of one frame's spectrum (re, im per bin) to the sums. */
function addMoments(re: Float64Array, im: Float64Array, sum2: Float64Array, sum4: Float64Array) {
  for (let k = 0; k < sum2.length; k++) {
    const power = re[k] * re[k] + im[k] * im[k];
    sum2[k] += power;
    sum4[k] += power * power;
  }
}

/**
 * The same sums from PFFFT's packed output, read in place: frames are windowed straight into the
 * plan's float32 input (the rounding the copy into it made anyway) and no re/im copies are made.
 * DC and Nyquist are real there, as `forward` makes them (|X|² + 0 is |X|², bit for bit).
 */
function addPackedMoments(
  packed: Float32Array | Float64Array,
  sum2: Float64Array,
  sum4: Float64Array,
): void {
  const half = sum2.length - 1;
  const dc = packed[0] * packed[0];
  const nyquist = packed[1] * packed[1];
  sum2[0] += dc;
  sum4[0] += dc * dc;
  for (let k = 1; k < half; k++) {
    const re = packed[2 * k];
    const im = packed[2 * k + 1];
    const power = re * re + im * im;
    sum2[k] += power;
    sum4[k] += power * power;
  }
  sum2[half] += nyquist;
  sum4[half] += nyquist * nyquist;
}

/** Σ|X|² and Σ|X|⁴ per bin over the frames of a Hann STFT. */
function powerMoments(samples: SampleArray, n: number, hop: number, frameCount: number) {
  const window = windowDescriptor('hann', n).values;
  const plan = realFftPlan(n);
  const bins = n / 2 + 1;
  const sum2 = new Float64Array(bins);
  const sum4 = new Float64Array(bins);
  if (plan.backend === 'pffft-wasm-simd') {
    const input = plan.input();
    for (let t = 0; t < frameCount; t++) {
      const start = t * hop;
      for (let i = 0; i < n; i++) input[i] = samples[start + i] * window[i];
      addPackedMoments(plan.forwardInputPacked(), sum2, sum4);
    }
    return { sum2, sum4 };
  }
  const frame = new Float64Array(n);
  const re = new Float64Array(bins);
  const im = new Float64Array(bins);
  for (let t = 0; t < frameCount; t++) {
    const start = t * hop;
    for (let i = 0; i < n; i++) frame[i] = samples[start + i] * window[i];
    plan.forward(frame, re, im);
    addMoments(re, im, sum2, sum4);
  }
  return { sum2, sum4 };
}

/**
 * Spectral kurtosis per frequency bin from a Hann STFT (see the module comment for the formula).
 * DC and Nyquist bins are real-valued and read 1 for noise, not 0; `selectDemodulationBand`
 * never picks them. Throws RangeError for a bad rate, window, hop, or fewer than 8 frames.
 */
export function spectralKurtosis(
  samples: SampleArray,
  sampleRateHz: number,
  options: SpectralKurtosisOptions = {},
): SpectralKurtosis {
  if (!(Number.isFinite(sampleRateHz) && sampleRateHz > 0)) {
    throw new RangeError(`spectralKurtosis: sampleRateHz must be positive, got ${sampleRateHz}`);
  }
  const n = options.windowLength ?? 256;
  checkWindowLength(n, 'spectralKurtosis');
  const hop = options.hopLength ?? n / 4;
  if (!(Number.isInteger(hop) && hop >= 1)) {
    throw new RangeError(`spectralKurtosis: hopLength must be a positive integer, got ${hop}`);
  }
  const frameCount = samples.length >= n ? Math.floor((samples.length - n) / hop) + 1 : 0;
  if (frameCount < 8) {
    throw new RangeError(`spectralKurtosis: samples must span at least 8 frames of ${n} samples`);
  }
  const bins = n / 2 + 1;
  const { sum2, sum4 } = powerMoments(samples, n, hop, frameCount);
  const values = new Float64Array(bins);
  const frequenciesHz = new Float64Array(bins);
  for (let k = 0; k < bins; k++) {
    const mean2 = sum2[k] / frameCount;
    values[k] = mean2 > 0 ? sum4[k] / frameCount / (mean2 * mean2) - 2 : 0;
    frequenciesHz[k] = (k * sampleRateHz) / n;
  }
  return {
    frequenciesHz,
    values,
    windowLength: n,
    frameCount,
    bandwidthHz: (2 * sampleRateHz) / n,
  };
}

/**
 * The SK a band of pure Gaussian noise exceeds with about 1 % probability somewhere among the
 * window's N/2 bins: z·σ with σ = 2/√M (the estimator's variance is about 4/M, Antoni 2006 §4.2;
 * M = samples/N, the count of independent frames) and z = √(2·ln(bins/0.01)), the Gaussian
 * maximum bound over that many bins (≈ 3.8 for N = 16, 4.7 for N = 1024).
 */
export function noiseThresholdFor(sampleCount: number, windowLength: number): number {
  const bins = windowLength / 2;
  return Math.sqrt(2 * Math.log(bins / 0.01)) * (2 / Math.sqrt(sampleCount / windowLength));
}

export interface DemodulationBandOptions {
  /** STFT window lengths to try (powers of two). Default [16, 32, 64, 128, 256, 512, 1024]. */
  readonly windowLengths?: readonly number[];
  /** Bands must lie within [minFrequencyHz, maxFrequencyHz]; default (0, Nyquist). */
  readonly minFrequencyHz?: number;
  readonly maxFrequencyHz?: number;
  /** Skip window lengths whose band is narrower (a band must hold the defect's sidebands). */
  readonly minBandwidthHz?: number;
}

export interface DemodulationBand {
  readonly centreHz: number;
  readonly bandwidthHz: number;
  /** centreHz ∓ bandwidthHz/2: ready for a band-pass. */
  readonly lowHz: number;
  readonly highHz: number;
  readonly spectralKurtosis: number;
  readonly windowLength: number;
  /** SK that Gaussian noise reaches by chance at this window length (`noiseThresholdFor`). */
  readonly noiseThreshold: number;
  /** spectralKurtosis > noiseThreshold: the band is impulsive beyond chance. */
  readonly significant: boolean;
}

/** The bin of one window length whose SK stands highest over the threshold, within the limits. */
function bestBandOf(sk: SpectralKurtosis, noiseThreshold: number, minHz: number, maxHz: number) {
  let best: { band: DemodulationBand; score: number } | null = null;
  for (let k = 1; k < sk.values.length - 1; k++) {
    const lowHz = sk.frequenciesHz[k] - sk.bandwidthHz / 2;
    const highHz = sk.frequenciesHz[k] + sk.bandwidthHz / 2;
    const score = sk.values[k] - noiseThreshold;
    if (lowHz <= minHz || highHz >= maxHz || (best && score <= best.score)) continue;
    best = {
      score,
      band: {
        centreHz: sk.frequenciesHz[k],
        bandwidthHz: sk.bandwidthHz,
        lowHz,
        highHz,
        spectralKurtosis: sk.values[k],
        windowLength: sk.windowLength,
        noiseThreshold,
        significant: score > 0,
      },
    };
  }
  return best;
}

/**
 * The band whose spectral kurtosis stands highest above its own noise threshold, over the given
 * window lengths: centre (the SK bin's frequency), bandwidth 2·fs/N, the SK value and whether it
 * is significant. Ranking by SK − threshold rather than by SK alone keeps long windows, whose
 * few frames make SK noisy (up to ≈ 1.3 over the bins of 2 s of 16 kHz noise with N = 1024), from
 * winning on chance. Window lengths with fewer than 8 frames are skipped; throws RangeError
 * when none is usable.
 */
export function selectDemodulationBand(
  samples: SampleArray,
  sampleRateHz: number,
  options: DemodulationBandOptions = {},
): DemodulationBand {
  if (!(Number.isFinite(sampleRateHz) && sampleRateHz > 0)) {
    throw new RangeError(
      `selectDemodulationBand: sampleRateHz must be positive, got ${sampleRateHz}`,
    );
  }
  const lengths = options.windowLengths ?? [16, 32, 64, 128, 256, 512, 1024];
  lengths.forEach((n) => checkWindowLength(n, 'selectDemodulationBand'));
  const minHz = options.minFrequencyHz ?? 0;
  const maxHz = options.maxFrequencyHz ?? sampleRateHz / 2;
  let best: DemodulationBand | null = null;
  let bestScore = -Infinity;
  for (const n of lengths) {
    if ((2 * sampleRateHz) / n < (options.minBandwidthHz ?? 0)) continue;
    if (samples.length < n + 7 * (n / 4)) continue;
    const candidate = bestBandOf(
      spectralKurtosis(samples, sampleRateHz, { windowLength: n }),
      noiseThresholdFor(samples.length, n),
      minHz,
      maxHz,
    );
    if (candidate && (!best || candidate.score > bestScore)) {
      bestScore = candidate.score;
      best = candidate.band;
    }
  }
  if (!best) {
    throw new RangeError(
      'selectDemodulationBand: no window length fits the signal and the band limits',
    );
  }
  return best;
}
