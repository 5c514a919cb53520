/**
 * The range job 'spectra': Welch sums of the signal and of its Hilbert envelope, and the signal's
 * statistics, over one frame range of a WAV file. Runs inside a range worker.
 *
 * Which samples a range reads, for range [start, end) of a file of N frames, hop h, segment L:
 * - Welch takes the segments that start in [start, end); the last needs L − h frames past `end`,
 *   so the signal is read up to welchEnd = min(N, end + L − h). With range boundaries at
 *   multiples of h, the ranges' segments together are exactly those of one pass over the file.
 * - The envelope is wanted on [start, welchEnd) and, to be as good there as a single pass's, is
 *   computed from `guardLength` more frames at each side (clamped to the file).
 * - Statistics cover [start, end) only, so the ranges' statistics merge into the file's.
 */
import type { ChannelSelection } from '../../shared/audio/wavReader.ts';
import { disableWasmFft, enableWasmFft } from '../../shared/dsp/fft.ts';
import { addSamples, emptyStats } from '../../shared/dsp/stats.ts';
import type { StatsAccumulator } from '../../shared/dsp/stats.ts';
import { WelchAccumulator } from '../../shared/dsp/welch.ts';
import type { WelchPartial, WelchSettings } from '../../shared/dsp/welch.ts';
import type { FrameRange } from './frameRanges.ts';
import { createRangeEnvelope } from './rangeEnvelope.ts';
import type { RangeTask } from './rangeJobs.ts';
import { openWavBlockReader } from './wavBlockReader.ts';

export interface SpectraJobOptions {
  /** Resolved Welch settings (the same object for every range, so partials merge). */
  readonly welch: WelchSettings;
  /** Envelope frame and guard in samples, or null for no envelope spectrum. */
  readonly envelope: { readonly frameLength: number; readonly guardLength: number } | null;
  readonly channel: ChannelSelection;
  /** Frames per block read from the file. */
  readonly blockFrames: number;
  /** Use the WASM SIMD FFT where it serves the size (float32); false keeps fft.js (float64). */
  readonly wasmFft: boolean;
  /** The file's frame count as the caller saw it; a file that changed since is an error. */
  readonly frameCount: number;
}

export interface SpectraPartial {
  readonly range: FrameRange;
  readonly signal: WelchPartial;
  readonly envelope: WelchPartial | null;
  readonly stats: StatsAccumulator;
  /** The FFT backend the Welch kernel used. */
  readonly fftBackend: string;
  /** Time spent in this job, file opening included. */
  readonly seconds: number;
}

/** Clamps i − offset into [0, length]: where absolute index i falls in a block. */
function within(i: number, offset: number, length: number): number {
  return Math.min(length, Math.max(0, i - offset));
}

export async function runSpectraJob(task: RangeTask<SpectraJobOptions>): Promise<SpectraPartial> {
  const started = performance.now();
  const { options, range } = task;
  if (options.wasmFft) await enableWasmFft();
  else disableWasmFft();
  await using reader = await openWavBlockReader(task.path);
  const frameCount = reader.info.frameCount;
  if (frameCount !== options.frameCount) {
    throw new RangeError(
      `the file now holds ${frameCount} frames, not ${options.frameCount}: it changed during analysis`,
    );
  }
  const { sampleRateHz, segmentLength, hopSamples } = options.welch;
  const welchEnd = Math.min(frameCount, range.endFrame + segmentLength - hopSamples);
  const guard = options.envelope?.guardLength ?? 0;
  const readStart = Math.max(0, range.startFrame - guard);
  const readEnd = Math.min(frameCount, welchEnd + guard);

  const signalWelch = new WelchAccumulator(sampleRateHz, options.welch);
  const envelopeWelch = options.envelope ? new WelchAccumulator(sampleRateHz, options.welch) : null;
  const envelope =
    options.envelope && envelopeWelch
      ? createRangeEnvelope(
          {
            ...options.envelope,
            signalStart: readStart,
            signalEnd: readEnd,
            outputStart: range.startFrame,
            outputEnd: welchEnd,
          },
          (samples) => envelopeWelch.push(samples),
        )
      : null;

  let stats = emptyStats();
  let position = readStart;
  const blocks = reader.blocks(readStart, readEnd, options.blockFrames, options.channel);
  // Each block is a reused buffer: every consumer below copies what it keeps.
  for await (const block of blocks) {
    const first = within(range.startFrame, position, block.length);
    const welchStop = within(welchEnd, position, block.length);
    const statsStop = within(range.endFrame, position, block.length);
    if (welchStop > first) signalWelch.push(block.subarray(first, welchStop));
    if (statsStop > first) stats = addSamples(stats, block.subarray(first, statsStop));
    envelope?.push(block);
    position += block.length;
  }
  envelope?.finish();
  return {
    range,
    signal: signalWelch.partial(),
    envelope: envelopeWelch?.partial() ?? null,
    stats,
    fftBackend: signalWelch.fftBackend,
    seconds: (performance.now() - started) / 1000,
  };
}
