/**
 * Recording features from WAV files on disk, read block by block through the streaming extractor
 * (docs/diagnosis.md §1): memory stays bounded by the block and the extractor's state, whatever
 * the recording's length.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WavInfo } from '../../shared/audio/wavReader.ts';
import { finishFeatures } from '../../shared/diagnosis/features/extractor.ts';
import { excerptFrames } from '../../shared/diagnosis/features/plan.ts';
import { mergeFeaturePartials } from '../../shared/diagnosis/features/rangeAccumulator.ts';
import { ANALYSIS } from '../../shared/diagnosis/features/settings.ts';
import type { RecordingFeatures } from '../../shared/diagnosis/features/types.ts';
import { createInlineAnalysisPool } from '../analysis/analysisPool.ts';
import type { AnalysisPool } from '../analysis/analysisPool.ts';
import { splitFrameRange } from '../analysis/frameRanges.ts';
import { decodeToWavFile, sniffFile } from '../audio/decoders/decodeToWav.ts';
import {
  InputError,
  recordingInputError,
  renameInputError,
  unknownFormatError,
} from './inputError.ts';
import { BLOCK_FRAMES, withRecording } from './recordingFile.ts';
import type { FrameRange } from './recordingFile.ts';

// Where most callers have found them; the analysis jobs import recordingFile.ts directly.
export { BLOCK_FRAMES, openRecording, withRecording } from './recordingFile.ts';
export type { FrameRange } from './recordingFile.ts';

export interface ExtractOptions {
  /** Where the work runs; default: in this thread (an inline pool). */
  readonly pool?: AnalysisPool;
}

export interface FileFeatures {
  readonly path: string;
  readonly info: WavInfo;
  readonly features: RecordingFeatures;
}

function resolveRange(info: WavInfo, range: FrameRange, path: string): [number, number] {
  const startFrame = range.startFrame ?? 0;
  const frameCount = range.frameCount ?? info.frameCount - startFrame;
  if (!Number.isSafeInteger(startFrame) || startFrame < 0 || startFrame > info.frameCount) {
    throw new RangeError(`extractFileFeatures: startFrame ${startFrame} is outside "${path}"`);
  }
  if (!Number.isSafeInteger(frameCount) || frameCount < 0) {
    throw new RangeError(`extractFileFeatures: frameCount must be a non-negative integer`);
  }
  if (startFrame + frameCount > info.frameCount) {
    throw new RangeError(`extractFileFeatures: the range runs past the end of "${path}"`);
  }
  return [startFrame, frameCount];
}

function checkLongEnough(frameCount: number, sampleRateHz: number, path: string): void {
  const seconds = frameCount / sampleRateHz;
  if (!(seconds >= ANALYSIS.minDurationSeconds)) {
    throw new InputError(
      `recording "${path}" is too short to analyse: ${seconds.toFixed(2)} s, at least ${ANALYSIS.minDurationSeconds} s needed`,
      'too-short',
      { name: path, durationSeconds: seconds, minSeconds: ANALYSIS.minDurationSeconds },
    );
  }
}

/**
 * Long stretches are cut into this many ranges, whatever the machine's core count, so that the
 * result (sums taken in range order) is the same on every machine, byte for byte.
 */
const LONG_STRETCH_RANGES = 4;
/** Stretches from this long on are cut into ranges that workers analyse side by side. */
const PARALLEL_MIN_SECONDS = 30;

/**
 * Features of one stretch of the file at `path`, whose header `info` the caller has read: the
 * plan (from the stretch's first seconds) and the ranges' partials are computed on `pool`, only
 * their merge here. Every host uses the WASM FFT, so the CLI, the web host and the app agree.
 */
export async function extractStretch(
  path: string,
  info: WavInfo,
  range: FrameRange = {},
  pool: AnalysisPool = createInlineAnalysisPool(),
): Promise<RecordingFeatures> {
  const [startFrame, frameCount] = resolveRange(info, range, path);
  checkLongEnough(frameCount, info.sampleRateHz, path);
  const excerptEnd = startFrame + excerptFrames(info.sampleRateHz, frameCount);
  const [plan] = await pool.run('featurePlan', path, [{ startFrame, endFrame: excerptEnd }], {
    stretchFrameCount: frameCount,
  });
  const long = frameCount >= PARALLEL_MIN_SECONDS * info.sampleRateHz;
  const ranges = long
    ? splitFrameRange(frameCount, LONG_STRETCH_RANGES, plan.alignFrames)
    : [{ startFrame: 0, endFrame: frameCount }];
  const partials = await pool.run('features', path, ranges, {
    plan,
    stretchStartFrame: startFrame,
    blockFrames: BLOCK_FRAMES,
    wasmFft: true,
  });
  return finishFeatures(plan, partials.reduce(mergeFeaturePartials));
}

/**
 * Runs `work` on a WAV file holding the recording at `path`: the file itself when its content
 * is WAV (read in place, streamed as before), else — a phone recording (docs/formats.md) — its
 * audio decoded into a temporary WAV that is removed afterwards. Errors name `path`. Rejects
 * with InputError for content that is no recording or a file that cannot be decoded; a path
 * that is not a readable file goes to `work` unchanged, whose reader says what is wrong.
 */
export async function withWavPath<T>(
  path: string,
  work: (wavPath: string) => Promise<T>,
): Promise<T> {
  const isFile = await stat(path).then(
    (info) => info.isFile(),
    () => false,
  );
  if (!isFile) return work(path);
  const sniffed = await sniffFile(path).catch((error: unknown) => {
    throw recordingInputError(error, path);
  });
  if (sniffed.kind === 'other') throw unknownFormatError(sniffed.what, path);
  if (sniffed.container === 'wav') return work(path);
  const folder = await mkdtemp(join(tmpdir(), 'auscult-decoded-'));
  const wavPath = join(folder, 'decoded.wav');
  try {
    await decodeToWavFile(path, wavPath, sniffed.container);
    return await work(wavPath);
  } catch (error) {
    const named = recordingInputError(error, wavPath);
    throw named instanceof InputError ? renameInputError(named, wavPath, path) : named;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * Features of the recording at `path` (a WAV file, or a phone recording decoded first: see
 * withWavPath; all of it, or `range`), read in blocks of BLOCK_FRAMES
 * frames (channels mixed to mono), on `options.pool` (default: in this thread). Rejects with InputError for a missing, unreadable or
 * malformed file and for a stretch shorter than ANALYSIS.minDurationSeconds (0.5 s); with
 * RangeError for a range outside the file.
 */
export async function extractFileFeatures(
  path: string,
  range: FrameRange = {},
  options: ExtractOptions = {},
): Promise<FileFeatures> {
  return withWavPath(path, async (wavPath) => {
    // Only the header is read here: the samples are read where the work runs.
    const info = await withRecording(wavPath, async (reader) => reader.info);
    try {
      return { path, info, features: await extractStretch(wavPath, info, range, options.pool) };
    } catch (error) {
      throw recordingInputError(error, wavPath);
    }
  });
}
