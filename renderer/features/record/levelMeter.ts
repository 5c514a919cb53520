/**
 * The input level as a meter shows it: peak and RMS in dBFS over the latest stretch, and whether
 * the input touched full scale in the last second (clipping). Runs in the live-analysis worker.
 */

/** |x| at or above this counts as clipped: converters flatten the last percent of their range. */
export const CLIP_THRESHOLD = 0.99;

/** A meter reads no lower than this, in dBFS (silence would otherwise be −∞). */
export const METER_FLOOR_DBFS = -120;

export interface LevelReading {
  /** Largest |x| of the stretch, 20·log10(|x|) in dBFS (0 dBFS = full scale 1.0). */
  readonly peakDbfs: number;
  /** √(mean x²) of the stretch in dBFS (a full-scale sine reads −3.01 dBFS). */
  readonly rmsDbfs: number;
  /** True when some |x| ≥ CLIP_THRESHOLD within the last `clipHoldSeconds`. */
  readonly clipping: boolean;
}

/** 20·log10(amplitude), no lower than METER_FLOOR_DBFS. */
export function toDbfs(amplitude: number): number {
  if (!(amplitude > 0)) return METER_FLOOR_DBFS;
  return Math.max(METER_FLOOR_DBFS, 20 * Math.log10(amplitude));
}

/** Collects peak, mean square and clipping over pushed blocks until the next `take`. */
export class LevelTracker {
  private readonly clipHoldSamples: number;
  private peak = 0;
  private sumSquares = 0;
  private count = 0;
  private samplesSinceClip = Infinity;
  private last: LevelReading = {
    peakDbfs: METER_FLOOR_DBFS,
    rmsDbfs: METER_FLOOR_DBFS,
    clipping: false,
  };

  /** `sampleRateHz` > 0; a clip is reported for `clipHoldSeconds` (default 1 s) after it. */
  constructor(sampleRateHz: number, clipHoldSeconds = 1) {
    if (!(sampleRateHz > 0)) throw new RangeError('LevelTracker: sampleRateHz must be > 0');
    if (!(clipHoldSeconds >= 0)) {
      throw new RangeError('LevelTracker: clipHoldSeconds must be >= 0');
    }
    this.clipHoldSamples = Math.round(clipHoldSeconds * sampleRateHz);
  }

  /** Adds a block of samples in [−1, 1] (not changed). */
  push(block: Float32Array): void {
    let peak = this.peak;
    let sum = 0;
    let lastClip = -1;
    for (let i = 0; i < block.length; i++) {
      const magnitude = Math.abs(block[i]);
      if (magnitude > peak) peak = magnitude;
      if (magnitude >= CLIP_THRESHOLD) lastClip = i;
      sum += block[i] * block[i];
    }
    this.peak = peak;
    this.sumSquares += sum;
    this.count += block.length;
    this.samplesSinceClip =
      lastClip >= 0 ? block.length - 1 - lastClip : this.samplesSinceClip + block.length;
  }

  /** The reading over the samples since the last take (the previous one if none came). */
  take(): LevelReading {
    if (this.count > 0) {
      this.last = {
        peakDbfs: toDbfs(this.peak),
        rmsDbfs: toDbfs(Math.sqrt(this.sumSquares / this.count)),
        clipping: this.samplesSinceClip < this.clipHoldSamples,
      };
    }
    this.peak = 0;
    this.sumSquares = 0;
    this.count = 0;
    return this.last;
  }
}
