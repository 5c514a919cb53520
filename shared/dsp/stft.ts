/**
 * Short-time spectra: a streaming spectrogram with bounded memory for long recordings and live
 * input, and the one-shot `spectrogram` (scipy.signal.spectrogram, mode 'psd').
 */
import { SegmentFramer } from './segmentFramer.ts';
import { SegmentPeriodogram } from './segmentPeriodogram.ts';
import type { SegmentOptions, SegmentSettings } from './spectralSettings.ts';
import {
  binFrequencies,
  checkSamples,
  onesidedScale,
  resolveSegmentSettings,
} from './spectralSettings.ts';
import type { SampleArray } from './types.ts';

/**
 * Spectrogram options: those of SegmentOptions (scipy names there) plus `hopSamples` and
 * `output`. Defaults differ from scipy.signal.spectrogram's on purpose: window 'hann' (scipy:
 * ('tukey', 0.25)) and overlap segmentLength/2 (scipy: nperseg // 8), so that frames overlap-add
 * to a constant and a display shows no gaps. detrend 'constant' and scaling 'density' as scipy.
 */
export interface SpectrogramOptions extends SegmentOptions {
  /** Samples between frame starts, 1..segmentLength; the alternative to overlap/overlapSamples. */
  hopSamples?: number;
  /** 'power' as scaled (units²/Hz or units²), or 'db': 10·log10(power re 1). Default 'power'. */
  output?: 'power' | 'db';
}

/** Frames completed by one push: row-major, frameCount × binCount. */
export interface SpectrogramChunk {
  /** Index of the first frame of this chunk since the stream began. */
  readonly firstFrameIndex: number;
  readonly frameCount: number;
  readonly binCount: number;
  /** Frame centres in seconds from the first sample: (j·hop + segmentLength/2)/fs. */
  readonly timesSeconds: Float64Array;
  readonly values: Float32Array;
}

export interface Spectrogram extends SpectrogramChunk {
  readonly frequenciesHz: Float64Array;
  readonly settings: SegmentSettings;
  readonly output: 'power' | 'db';
}

/** Where the frames of the current push go. */
interface FrameTarget {
  times: Float64Array;
  values: Float32Array;
  row: number;
}

/** Powers below this read as −300 dB, so silence gives a finite number. */
const DB_FLOOR_POWER = 1e-30;

function resolveSpectrogramSettings(
  context: string,
  sampleRateHz: number,
  options: SpectrogramOptions,
): { settings: SegmentSettings; output: 'power' | 'db' } {
  let segmentOptions: SegmentOptions = options;
  if (options?.hopSamples !== undefined) {
    const { hopSamples, segmentLength } = options;
    if (options.overlap !== undefined || options.overlapSamples !== undefined) {
      throw new RangeError(`${context}: give options.hopSamples or an overlap, not both`);
    }
    if (!Number.isInteger(hopSamples) || hopSamples < 1 || hopSamples > segmentLength) {
      throw new RangeError(
        `${context}: options.hopSamples must be an integer in [1, segmentLength]`,
      );
    }
    segmentOptions = { ...options, overlapSamples: segmentLength - hopSamples };
  }
  const settings = resolveSegmentSettings(context, sampleRateHz, segmentOptions);
  const output = options.output ?? 'power';
  if (output !== 'power' && output !== 'db') {
    throw new RangeError(`${context}: options.output must be 'power' or 'db'`);
  }
  return { settings, output };
}

/**
 * A spectrogram over a stream: `push` blocks of any length and receive the frames they complete.
 * Memory is one segment of buffered samples plus the frames returned.
 */
export class SpectrogramStream {
  readonly settings: SegmentSettings;
  readonly output: 'power' | 'db';
  readonly frequenciesHz: Float64Array;
  readonly binCount: number;
  private readonly framer: SegmentFramer;
  private readonly kernel: SegmentPeriodogram;
  private readonly scale: Float64Array;
  private readonly row: Float64Array;
  private readonly onSegment: (source: SampleArray, start: number) => void;
  private target: FrameTarget | null = null;

  constructor(sampleRateHz: number, options: SpectrogramOptions) {
    const { settings, output } = resolveSpectrogramSettings(
      'SpectrogramStream',
      sampleRateHz,
      options,
    );
    this.settings = settings;
    this.output = output;
    this.binCount = settings.binCount;
    this.frequenciesHz = binFrequencies(settings);
    this.framer = new SegmentFramer(settings.segmentLength, settings.hopSamples);
    this.kernel = new SegmentPeriodogram(settings);
    this.scale = onesidedScale(settings);
    this.row = new Float64Array(settings.binCount);
    this.onSegment = (source, start) => this.writeFrame(source, start);
  }

  /** Frames emitted so far. */
  get frameCount(): number {
    return this.framer.segmentCount;
  }

  /** Samples held for the next frame (always < segmentLength). */
  get bufferedSampleCount(): number {
    return this.framer.bufferedSampleCount;
  }

  /** Feeds the next block (not changed); returns the frames it completed, maybe none. */
  push(block: SampleArray): SpectrogramChunk {
    checkSamples('SpectrogramStream.push', block);
    const firstFrameIndex = this.framer.segmentCount;
    const frameCount = this.framer.segmentsCompletedBy(block.length);
    const target = {
      times: new Float64Array(frameCount),
      values: new Float32Array(frameCount * this.binCount),
      row: 0,
    };
    this.target = target;
    try {
      this.framer.push(block, this.onSegment);
    } finally {
      this.target = null;
    }
    return {
      firstFrameIndex,
      frameCount,
      binCount: this.binCount,
      timesSeconds: target.times,
      values: target.values,
    };
  }

  /** Forgets the buffered samples and restarts frame numbering at 0. */
  reset(): void {
    this.framer.reset();
  }

  private writeFrame(source: SampleArray, start: number): void {
    const target = this.target as FrameTarget;
    const { hopSamples, segmentLength, sampleRateHz } = this.settings;
    const frameIndex = this.framer.segmentCount; // the framer counts after the handler returns
    target.times[target.row] = (frameIndex * hopSamples + segmentLength / 2) / sampleRateHz;
    this.kernel.power(source, start, this.row, false);
    const offset = target.row * this.binCount;
    const { values } = target;
    const { row, scale } = this;
    if (this.output === 'db') {
      for (let k = 0; k < row.length; k++) {
        values[offset + k] = 10 * Math.log10(Math.max(row[k] * scale[k], DB_FLOOR_POWER));
      }
    } else {
      for (let k = 0; k < row.length; k++) values[offset + k] = row[k] * scale[k];
    }
    target.row++;
  }
}

/**
 * Spectrogram of a whole signal (scipy.signal.spectrogram with mode 'psd', one-sided), frames
 * × bins row-major in `values`. Options as SpectrogramOptions; segmentLength is required.
 * Throws RangeError when fewer than segmentLength samples are given.
 */
export function spectrogram(
  samples: SampleArray,
  sampleRateHz: number,
  options: SpectrogramOptions,
): Spectrogram {
  checkSamples('spectrogram', samples);
  const stream = new SpectrogramStream(sampleRateHz, options);
  if (samples.length < stream.settings.segmentLength) {
    throw new RangeError(
      `spectrogram: samples must hold at least options.segmentLength = ${stream.settings.segmentLength} values, got ${samples.length}`,
    );
  }
  const chunk = stream.push(samples);
  return {
    ...chunk,
    frequenciesHz: stream.frequenciesHz,
    settings: stream.settings,
    output: stream.output,
  };
}

/**
 * Reduces a spectrogram to at most `maxFrames` frames for display: frame j goes to column
 * ⌊j·maxFrames/frameCount⌋, and each column takes the 'max' (keeps short events visible) or the
 * 'mean' of its frames' values as stored (dB values are averaged in dB). Times are the group
 * means. Returns the input itself when it already has at most `maxFrames` frames.
 */
export function poolSpectrogramFrames(
  spectrogram: Spectrogram,
  maxFrames: number,
  mode: 'max' | 'mean' = 'max',
): Spectrogram {
  if (!Number.isInteger(maxFrames) || maxFrames < 1) {
    throw new RangeError('poolSpectrogramFrames: maxFrames must be an integer >= 1');
  }
  if (mode !== 'max' && mode !== 'mean') {
    throw new RangeError("poolSpectrogramFrames: mode must be 'max' or 'mean'");
  }
  const { frameCount, binCount } = spectrogram;
  if (frameCount <= maxFrames) return spectrogram;
  const times = new Float64Array(maxFrames);
  const values = new Float32Array(maxFrames * binCount);
  for (let column = 0; column < maxFrames; column++) {
    const first = Math.ceil((column * frameCount) / maxFrames);
    const end = Math.ceil(((column + 1) * frameCount) / maxFrames);
    const out = values.subarray(column * binCount, (column + 1) * binCount);
    out.set(spectrogram.values.subarray(first * binCount, (first + 1) * binCount));
    let timeSum = spectrogram.timesSeconds[first];
    for (let j = first + 1; j < end; j++) {
      timeSum += spectrogram.timesSeconds[j];
      const row = spectrogram.values.subarray(j * binCount, (j + 1) * binCount);
      for (let k = 0; k < binCount; k++) {
        out[k] = mode === 'max' ? Math.max(out[k], row[k]) : out[k] + row[k];
      }
    }
    if (mode === 'mean') for (let k = 0; k < binCount; k++) out[k] /= end - first;
    times[column] = timeSum / (end - first);
  }
  return { ...spectrogram, firstFrameIndex: 0, frameCount: maxFrames, timesSeconds: times, values };
}
