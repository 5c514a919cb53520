/**
 * A survey of a recording's raw samples, streamed block by block, for the input check that runs
 * before any diagnosis (inputCheck.ts): level and offset, flat runs at the rails (digital
 * clipping), held or zero runs inside the signal (dropouts), and the short-time level over time
 * (a device's automatic gain). The recording features cannot tell these: their spectra remove the
 * mean and their statistics keep no run or level history.
 */

/** Short-time level frames for the automatic-gain test, seconds. */
export const LEVEL_FRAME_SECONDS = 0.05;
/**
 * A flat run this long (frames) at the recording's largest magnitude is a clipped top. An
 * unclipped 16-bit sine of 50 Hz at 48 kHz stays within one step of its crest for at most three
 * frames, so four identical frames at the crest are a rail, not a crest.
 */
export const CLIP_RUN_FRAMES = 4;
/**
 * A held value lasting this long inside the signal is a dropout: 5 ms is 240 frames at 48 kHz
 * and 40 at 8 kHz, far beyond any run that quantisation of a real signal gives above "too quiet".
 */
export const DROPOUT_MIN_SECONDS = 0.005;
/** A PCM recording can only clip at its full scale (within 1 %, for converters that stop short). */
export const FULL_SCALE_FRACTION = 0.99;

export interface HeldRuns {
  readonly count: number;
  readonly frames: number;
  readonly longestFrames: number;
}

export interface SignalSurvey {
  readonly sampleRateHz: number;
  readonly frameCount: number;
  /** One step of the file's sample format (2^−(bits−1)); null for float samples. */
  readonly quantizationStep: number | null;
  readonly mean: number;
  /** RMS around the mean, in the samples' unit (full scale 1 for PCM). */
  readonly acRms: number;
  readonly peakAbs: number;
  /** Frames in flat runs of CLIP_RUN_FRAMES or more at ≥ 98 % of peakAbs (for PCM, only when
   * peakAbs reaches FULL_SCALE_FRACTION). */
  readonly clippedFrames: number;
  /** Held runs of DROPOUT_MIN_SECONDS or more below the rails, not touching either end. */
  readonly dropouts: HeldRuns;
  /** Mean square per LEVEL_FRAME_SECONDS frame (the last partial frame left out). */
  readonly framePower: readonly number[];
}

export interface SignalSurveyor {
  push(block: ArrayLike<number>): void;
  finish(): SignalSurvey;
}

interface RunRecord {
  count: number;
  frames: number;
  longestFrames: number;
}

/** Held runs by magnitude: at most one record per distinct sample value. */
class RunsByMagnitude {
  private readonly runs = new Map<number, RunRecord>();

  add(magnitude: number, frames: number): void {
    const record = this.runs.get(magnitude) ?? { count: 0, frames: 0, longestFrames: 0 };
    record.count += 1;
    record.frames += frames;
    record.longestFrames = Math.max(record.longestFrames, frames);
    this.runs.set(magnitude, record);
  }

  /** Sums the records whose magnitude passes `keep`. */
  total(keep: (magnitude: number) => boolean): HeldRuns {
    let count = 0;
    let frames = 0;
    let longestFrames = 0;
    for (const [magnitude, r] of [...this.runs].sort((a, b) => a[0] - b[0])) {
      if (!keep(magnitude)) continue;
      count += r.count;
      frames += r.frames;
      longestFrames = Math.max(longestFrames, r.longestFrames);
    }
    return { count, frames, longestFrames };
  }
}

/**
 * A surveyor for a recording at `sampleRateHz` whose samples are PCM of `bitsPerSample` bits
 * (null: float). Blocks are pushed in order; `finish` may be called once.
 */
export function createSignalSurveyor(
  sampleRateHz: number,
  bitsPerSample: number | null,
): SignalSurveyor {
  const frameLength = Math.max(1, Math.round(LEVEL_FRAME_SECONDS * sampleRateHz));
  const dropoutFrames = Math.max(CLIP_RUN_FRAMES, Math.round(DROPOUT_MIN_SECONDS * sampleRateHz));
  const clipRuns = new RunsByMagnitude();
  const heldRuns = new RunsByMagnitude();
  const framePower: number[] = [];
  let frameSum = 0;
  let frameFill = 0;
  let count = 0;
  let sum = 0;
  let sumSquares = 0;
  let peakAbs = 0;
  let runValue = NaN;
  let runStart = 0;
  let runLength = 0;

  const closeRun = (atEnd: boolean) => {
    const magnitude = Math.abs(runValue);
    if (runLength >= CLIP_RUN_FRAMES) clipRuns.add(magnitude, runLength);
    // A run touching either end is a leading or trailing pause, not a gap inside the signal.
    if (runLength >= dropoutFrames && runStart > 0 && !atEnd) heldRuns.add(magnitude, runLength);
  };

  return {
    push(block) {
      for (let i = 0; i < block.length; i++) {
        const x = block[i];
        if (x === runValue) {
          runLength++;
        } else {
          if (runLength > 0) closeRun(false);
          runValue = x;
          runStart = count;
          runLength = 1;
        }
        count++;
        sum += x;
        sumSquares += x * x;
        const magnitude = Math.abs(x);
        if (magnitude > peakAbs) peakAbs = magnitude;
        frameSum += x * x;
        if (++frameFill === frameLength) {
          framePower.push(frameSum / frameLength);
          frameSum = 0;
          frameFill = 0;
        }
      }
    },
    finish() {
      if (runLength > 0) closeRun(true);
      const mean = count > 0 ? sum / count : 0;
      const variance = count > 0 ? Math.max(0, sumSquares / count - mean * mean) : 0;
      const rail = 0.98 * peakAbs;
      const atRail = (m: number) => peakAbs > 0 && m >= rail;
      // PCM clips at its full scale; a slow sine's crest held for a few steps below it is not a
      // rail (a 20 Hz sine at half scale in 16 bit holds each crest for 4–5 samples).
      const clipsHere = bitsPerSample === null || peakAbs >= FULL_SCALE_FRACTION;
      return {
        sampleRateHz,
        frameCount: count,
        quantizationStep: bitsPerSample === null ? null : 2 ** -(bitsPerSample - 1),
        mean,
        acRms: Math.sqrt(variance),
        peakAbs,
        clippedFrames: clipsHere ? clipRuns.total(atRail).frames : 0,
        dropouts: heldRuns.total((m) => !atRail(m)),
        framePower,
      };
    },
  };
}

/** The survey of samples held in memory (tests, short clips). */
export function surveySignal(
  samples: ArrayLike<number>,
  sampleRateHz: number,
  bitsPerSample: number | null = null,
): SignalSurvey {
  const surveyor = createSignalSurveyor(sampleRateHz, bitsPerSample);
  surveyor.push(samples);
  return surveyor.finish();
}
