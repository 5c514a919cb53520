/**
 * Overviews of a whole recording for the Review screen: its spectrogram on a display grid and its
 * waveform peaks, computed on an analysis pool (spectrogramJob.ts, peaksJob.ts): long files in
 * ranges that its workers read side by side, short ones whole; either way the file is streamed,
 * never loaded whole.
 */
import { MAX_PEAK_BUCKETS, MAX_SPECTROGRAM_COLUMNS } from '../../shared/api/limits.ts';
import type { WavInfo } from '../../shared/audio/wavReader.ts';
import { openWavFile } from '../audio/openWavFile.ts';
import { splitFrameRange } from './frameRanges.ts';
import { createInlineAnalysisPool } from './analysisPool.ts';
import type { AnalysisPool } from './analysisPool.ts';
import type { PeaksJobOptions, PeaksPartial } from './peaksJob.ts';
import type { RangeJobName, RangeJobOptions, RangeJobPartial } from './rangeJobs.ts';
import type { SpectrogramPartial, SpectrogramPlan } from './spectrogramJob.ts';

export const MAX_SPECTROGRAM_BINS = 256;
/** Files from this long on are cut into ranges (two per pool thread); shorter ones are one. */
const PARALLEL_MIN_SECONDS = 60;
const BLOCK_FRAMES = 1 << 16;
/** The shortest STFT frame wanted, seconds: 20 ms resolves a machine's rhythm. */
const FRAME_SECONDS = 0.02;

export interface OverviewOptions {
  /** Where the work runs; default: in this thread (an inline pool). */
  readonly pool?: AnalysisPool;
}

export interface SpectrogramGrid {
  readonly durationSeconds: number;
  readonly maxFrequencyHz: number;
  readonly columnCount: number;
  readonly binCount: number;
  /** PSD in dB re 1 unit²/Hz, 0.1 dB steps, `valuesDb[column · binCount + bin]`. */
  readonly valuesDb: number[];
}

export interface PeakOverview {
  readonly durationSeconds: number;
  readonly peaks: number[];
}

function checkCount(name: string, value: number, max: number): void {
  if (!Number.isSafeInteger(value) || value < 1 || value > max) {
    throw new RangeError(`${name} must be a whole number from 1 to ${max}, got ${value}`);
  }
}

/** STFT segment for a sample rate: a power of two ≥ 20 ms, from 1024 to 4096 samples. */
export function spectrogramSegmentLength(sampleRateHz: number): number {
  const wanted = 2 ** Math.ceil(Math.log2(sampleRateHz * FRAME_SECONDS));
  return Math.min(4096, Math.max(1024, wanted));
}

/**
 * The grid for a file of `frameCount` frames: at most `columns` columns (never more than STFT
 * frames), min(256, segment/2) linear bins. The hop is one segment (every sample in exactly one
 * frame) when frames outnumber columns, down to a quarter segment for short files, which then
 * get more columns. Throws RangeError for a file shorter than one segment.
 */
export function planSpectrogram(
  info: Pick<WavInfo, 'sampleRateHz' | 'frameCount'>,
  columns: number,
): SpectrogramPlan {
  checkCount('columns', columns, MAX_SPECTROGRAM_COLUMNS);
  const { sampleRateHz, frameCount } = info;
  const segmentLength = spectrogramSegmentLength(sampleRateHz);
  if (frameCount < segmentLength) {
    throw new RangeError(`a spectrogram needs at least ${segmentLength} frames, got ${frameCount}`);
  }
  // The largest hop that still gives `columns` frames, within [segment/4, segment].
  const fittingHop = Math.floor((frameCount - segmentLength) / Math.max(1, columns - 1));
  const hopSamples = Math.min(segmentLength, Math.max(segmentLength / 4, fittingHop));
  const stftFrameCount = Math.floor((frameCount - segmentLength) / hopSamples) + 1;
  return {
    sampleRateHz,
    frameCount,
    segmentLength,
    hopSamples,
    stftFrameCount,
    columnCount: Math.min(columns, stftFrameCount),
    binCount: Math.min(MAX_SPECTROGRAM_BINS, segmentLength / 2),
  };
}

async function readInfo(path: string): Promise<WavInfo> {
  const reader = await openWavFile(path);
  await reader.close();
  return reader.info;
}

/** Runs `job` over [0, spanFrames) on the pool: a long file in ranges, a short one whole. */
function runRanges<Name extends RangeJobName>(
  job: Name,
  path: string,
  span: { frames: number; alignFrames: number; long: boolean },
  options: RangeJobOptions<Name>,
  pool: AnalysisPool = createInlineAnalysisPool(),
): Promise<RangeJobPartial<Name>[]> {
  const parts = span.long ? pool.threadCount * 2 : 1;
  return pool.run(job, path, splitFrameRange(span.frames, parts, span.alignFrames), options);
}

function mergeMax(target: Float32Array, offset: number, values: Float32Array): void {
  for (let i = 0; i < values.length; i++) {
    if (values[i] > target[offset + i]) target[offset + i] = values[i];
  }
}

/**
 * The spectrogram of the WAV file at `path` on the grid of `planSpectrogram(info, columns)`,
 * every cell the largest PSD of the STFT frames and bins inside it, in dB. Rejects with
 * RangeError for a bad column count or a file shorter than a segment, WavFormatError (or the fs
 * error) for a file that cannot be read.
 */
export async function computeSpectrogram(
  path: string,
  columns: number,
  options: OverviewOptions = {},
): Promise<SpectrogramGrid> {
  const info = await readInfo(path);
  const plan = planSpectrogram(info, columns);
  const jobOptions = { plan, blockFrames: BLOCK_FRAMES, wasmFft: true };
  const span = {
    frames: plan.stftFrameCount * plan.hopSamples,
    alignFrames: plan.hopSamples,
    long: info.durationSeconds >= PARALLEL_MIN_SECONDS,
  };
  const partials: SpectrogramPartial[] = await runRanges(
    'spectrogram',
    path,
    span,
    jobOptions,
    options.pool,
  );
  const power = new Float32Array(plan.columnCount * plan.binCount);
  for (const p of partials) mergeMax(power, p.firstColumn * plan.binCount, p.values);
  const valuesDb = Array.from(power, (p) => Math.round(100 * Math.log10(Math.max(p, 1e-30))) / 10);
  return {
    durationSeconds: info.durationSeconds,
    maxFrequencyHz: info.sampleRateHz / 2,
    columnCount: plan.columnCount,
    binCount: plan.binCount,
    valuesDb,
  };
}

/**
 * The waveform overview of the WAV file at `path`: min(count, frames) buckets, each the largest
 * |sample| of the channels' mean, rounded to 1e-5. Rejects with RangeError for a bad count,
 * WavFormatError (or the fs error) for a file that cannot be read.
 */
export async function computeWaveformPeaks(
  path: string,
  count: number,
  options: OverviewOptions = {},
): Promise<PeakOverview> {
  checkCount('count', count, MAX_PEAK_BUCKETS);
  const info = await readInfo(path);
  const jobOptions: PeaksJobOptions = {
    frameCount: info.frameCount,
    bucketCount: Math.max(1, Math.min(count, info.frameCount)),
    blockFrames: BLOCK_FRAMES,
  };
  if (info.frameCount === 0) return { durationSeconds: 0, peaks: [] };
  const span = {
    frames: info.frameCount,
    alignFrames: 1,
    long: info.durationSeconds >= PARALLEL_MIN_SECONDS,
  };
  const partials: PeaksPartial[] = await runRanges('peaks', path, span, jobOptions, options.pool);
  const peaks = new Float32Array(jobOptions.bucketCount);
  for (const p of partials) mergeMax(peaks, p.firstBucket, p.peaks);
  return {
    durationSeconds: info.durationSeconds,
    peaks: Array.from(peaks, (p) => Math.round(p * 1e5) / 1e5),
  };
}
