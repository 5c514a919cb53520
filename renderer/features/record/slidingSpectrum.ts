/**
 * Welch's power spectral density over the last ~1.3 s of a live stream (six segments, 5/6
 * overlapping): the mean of the latest periodograms of a streaming spectrogram (shared/dsp/stft.ts), which is Welch's average
 * (scipy.signal.welch, density scaling, Hann, constant detrend) over the same overlapping
 * segments. Each sample is transformed once per segment it falls in, however often the spectrum
 * is read, and memory is fixed (one segment of samples plus `frames` periodograms).
 */
import { nextPowerOfTwo } from '../../../shared/dsp/fft.ts';
import { SpectrogramStream } from '../../../shared/dsp/stft.ts';
import { ANALYSIS } from '../../../shared/diagnosis/features/settings.ts';

/** dB of a power below this reads as this floor (−300 dB), so silence stays finite. */
const DB_FLOOR_POWER = 1e-30;

/**
 * The diagnosis's narrowband segment at `sampleRateHz` (the power of two at or above 0.6 s), so
 * the live spectrum has the baseline's resolution and a tone reads the same level in both.
 */
export function liveSpectrumSegmentLength(sampleRateHz: number): number {
  return nextPowerOfTwo(Math.ceil(ANALYSIS.spectrumSegmentSeconds * sampleRateHz));
}

export class SlidingSpectrum {
  readonly frequenciesHz: Float64Array;
  readonly segmentLength: number;
  readonly hopSamples: number;
  private readonly stream: SpectrogramStream;
  private readonly ring: Float32Array[] = [];
  private next = 0;
  private changed = false;

  /**
   * `frames` periodograms (default 6) of `liveSpectrumSegmentLength` samples, `hopFraction` of a
   * segment apart (default 1/6: a new one about every 114 ms at 48 kHz, as often as the page
   * takes a frame; a smaller hop would transform segments nobody sees).
   */
  constructor(sampleRateHz: number, frames = 6, hopFraction = 1 / 6) {
    if (!Number.isInteger(frames) || frames < 1) {
      throw new RangeError('SlidingSpectrum: frames must be a positive integer');
    }
    if (!(hopFraction > 0 && hopFraction <= 1)) {
      throw new RangeError('SlidingSpectrum: hopFraction must be in (0, 1]');
    }
    this.segmentLength = liveSpectrumSegmentLength(sampleRateHz);
    this.hopSamples = Math.max(1, Math.round(this.segmentLength * hopFraction));
    this.stream = new SpectrogramStream(sampleRateHz, {
      segmentLength: this.segmentLength,
      hopSamples: this.hopSamples,
      window: 'hann',
      detrend: 'constant',
      scaling: 'density',
      output: 'power',
    });
    this.frequenciesHz = this.stream.frequenciesHz;
    for (let i = 0; i < frames; i++) this.ring.push(new Float32Array(0));
  }

  /** Seconds of signal the spectrum covers once the ring is full. */
  get windowSeconds(): number {
    const samples = this.segmentLength + (this.ring.length - 1) * this.hopSamples;
    return samples / this.stream.settings.sampleRateHz;
  }

  /** True when a periodogram arrived since the last `levelsDb()`. */
  get hasNew(): boolean {
    return this.changed;
  }

  /** Feeds the next block of the stream (not changed). */
  push(block: Float32Array): void {
    const chunk = this.stream.push(block);
    const bins = chunk.binCount;
    // Only the last `frames` of a long block matter; older ones would be overwritten at once.
    const first = Math.max(0, chunk.frameCount - this.ring.length);
    for (let j = first; j < chunk.frameCount; j++) {
      this.ring[this.next] = chunk.values.slice(j * bins, (j + 1) * bins);
      this.next = (this.next + 1) % this.ring.length;
      this.changed = true;
    }
  }

  /** The mean of the periodograms so far (up to `frames`) in dB re 1 unit²/Hz, or null before the first. */
  levelsDb(): Float64Array | null {
    this.changed = false;
    const filled = this.ring.filter((frame) => frame.length > 0);
    if (filled.length === 0) return null;
    const n = this.frequenciesHz.length;
    const out = new Float64Array(n);
    for (const frame of filled) for (let k = 0; k < n; k++) out[k] += frame[k];
    // 10·log10(mean) as one multiply of a natural log: this runs ~12 times a second on 16 385 bins.
    const scale = 1 / filled.length;
    const toDb = 10 / Math.LN10;
    for (let k = 0; k < n; k++) {
      const power = out[k] * scale;
      out[k] = toDb * Math.log(power > DB_FLOOR_POWER ? power : DB_FLOOR_POWER);
    }
    return out;
  }
}
