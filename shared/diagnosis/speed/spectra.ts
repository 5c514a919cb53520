/**
 * The two spectra speed estimation reads, as line salience (dB above the local floor): a fine
 * line spectrum of the sound (shaft harmonics, gear mesh) and the envelope spectrum of its most
 * impulsive band (bearing and ball-screw defect lines). Both come from one long Hann segment, so
 * the resolution is about 1 / the excerpt's duration: a 0.2 Hz bin at 5 s, where the features'
 * 1.5 Hz Welch bins could not place a 25 Hz shaft line to 1 %.
 */
import { envelopeInBlocks } from '../../dsp/envelope.ts';
import { bandPass } from '../../dsp/filters.ts';
import { nextPowerOfTwo } from '../../dsp/fft.ts';
import { selectDemodulationBand } from '../../dsp/spectralKurtosis.ts';
import type { SampleArray } from '../../dsp/types.ts';
import { welch } from '../../dsp/welch.ts';

/** A spectrum as salience: dB above its running median floor, clipped to [0, SALIENCE_CAP_DB]. */
export interface SalienceSpectrum {
  readonly binWidthHz: number;
  /** Levels in dB (for peak interpolation). */
  readonly levelsDb: Float64Array;
  /** Salience per bin, dB above the floor. */
  readonly salienceDb: Float64Array;
}

export interface SpeedSpectra {
  readonly lines: SalienceSpectrum;
  /** Null when the recording is too short or narrow-band for a demodulation band. */
  readonly envelope: SalienceSpectrum | null;
}

export const SPEED_SPECTRA = {
  /** Only the first seconds are read: enough resolution, bounded work. */
  maxExcerptSeconds: 12,
  /** The line spectrum is kept up to this frequency (shaft harmonics, gear mesh, 2× mesh). */
  lineMaxHz: 2500,
  /** The envelope spectrum is kept up to this frequency (defect lines and their harmonics). */
  envelopeMaxHz: 1000,
  /** Half-width of the running median that sets the floor. */
  floorHalfWidthHz: 4,
  /** Salience above this is clipped, so one huge line cannot outvote a family. */
  salienceCapDb: 30,
  /** As in the features' band selection: above shaft tones, wide enough for sidebands. */
  demodulationMinHz: 500,
  demodulationMinBandwidthHz: 800,
} as const;

function median(values: number[]): number {
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? values[mid] : 0.5 * (values[mid - 1] + values[mid]);
}

/**
 * Running median floor, taken every `stride` bins and interpolated linearly between: a per-bin
 * median over ±4 Hz of 0.08 Hz bins would sort 100 values per bin for no visible gain.
 */
function runningFloor(levelsDb: Float64Array, halfWidthBins: number): Float64Array {
  const n = levelsDb.length;
  const stride = Math.max(1, Math.floor(halfWidthBins / 4));
  const anchors: number[] = [];
  const values: number[] = [];
  for (let centre = 0; centre < n + stride - 1; centre += stride) {
    const at = Math.min(centre, n - 1);
    const from = Math.max(0, at - halfWidthBins);
    const to = Math.min(n, at + halfWidthBins + 1);
    anchors.push(at);
    values.push(median(Array.from(levelsDb.subarray(from, to))));
    if (at === n - 1) break;
  }
  const floor = new Float64Array(n);
  for (let a = 0; a < anchors.length - 1; a++) {
    const [i0, i1] = [anchors[a], anchors[a + 1]];
    for (let i = i0; i <= i1; i++) {
      const t = i1 === i0 ? 0 : (i - i0) / (i1 - i0);
      floor[i] = values[a] + t * (values[a + 1] - values[a]);
    }
  }
  if (anchors.length === 1) floor.fill(values[0]);
  return floor;
}

function toSalience(powers: ArrayLike<number>, binWidthHz: number, maxHz: number) {
  const count = Math.min(powers.length, Math.floor(maxHz / binWidthHz) + 1);
  const levelsDb = new Float64Array(count);
  for (let k = 0; k < count; k++) levelsDb[k] = 10 * Math.log10(powers[k] + 1e-30);
  const halfWidth = Math.max(3, Math.round(SPEED_SPECTRA.floorHalfWidthHz / binWidthHz));
  const floor = runningFloor(levelsDb, halfWidth);
  const salienceDb = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const above = levelsDb[k] - floor[k];
    salienceDb[k] = Math.min(SPEED_SPECTRA.salienceCapDb, Math.max(0, above));
  }
  return { binWidthHz, levelsDb, salienceDb };
}

/** One Hann segment over all of `samples`, zero-padded to a power of two, as salience. */
function longSpectrum(samples: SampleArray, sampleRateHz: number, maxHz: number) {
  const length = samples.length;
  const result = welch(samples, sampleRateHz, {
    segmentLength: length,
    overlapSamples: 0,
    fftLength: nextPowerOfTwo(length),
    window: 'hann',
    scaling: 'spectrum',
  });
  return toSalience(result.values, sampleRateHz / result.settings.fftLength, maxHz);
}

function lineSpectrum(samples: SampleArray, sampleRateHz: number): SalienceSpectrum {
  return longSpectrum(
    samples,
    sampleRateHz,
    Math.min(SPEED_SPECTRA.lineMaxHz, 0.45 * sampleRateHz),
  );
}

function envelopeLines(samples: SampleArray, sampleRateHz: number): SalienceSpectrum | null {
  const maxBandHz = 0.45 * sampleRateHz;
  if (maxBandHz - SPEED_SPECTRA.demodulationMinHz < SPEED_SPECTRA.demodulationMinBandwidthHz) {
    return null;
  }
  let band;
  try {
    band = selectDemodulationBand(samples, sampleRateHz, {
      minFrequencyHz: SPEED_SPECTRA.demodulationMinHz,
      maxFrequencyHz: maxBandHz,
      minBandwidthHz: SPEED_SPECTRA.demodulationMinBandwidthHz,
    });
  } catch {
    return null;
  }
  // Overlap-save in power-of-two frames: one transform of an odd length took seconds.
  const demodulated = envelopeInBlocks(bandPass(samples, sampleRateHz, band.lowHz, band.highHz));
  return longSpectrum(demodulated, sampleRateHz, SPEED_SPECTRA.envelopeMaxHz);
}

/** The line and envelope salience spectra of the first `maxExcerptSeconds` of `samples`. */
export function speedSpectra(samples: SampleArray, sampleRateHz: number): SpeedSpectra {
  const excerpt = samples.subarray(
    0,
    Math.min(samples.length, Math.round(SPEED_SPECTRA.maxExcerptSeconds * sampleRateHz)),
  );
  return {
    lines: lineSpectrum(excerpt, sampleRateHz),
    envelope: envelopeLines(excerpt, sampleRateHz),
  };
}
