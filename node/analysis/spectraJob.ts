/**
 * The range job 'spectra': Welch sums of the signal and of its Hilbert envelope, and the signal's
 * statistics, over one frame range of a WAV file. Runs on an analysis-pool thread.
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
import { createRangeEnvelope } from '../../shared/dsp/rangeEnvelope.ts';
import type { RangeTask } from './rangeTask.ts';
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

/** The frames a range reads, for each of its uses (see the header comment). */
interface RangeExtent {
  readonly welchEnd: number;
  readonly readStart: number;
  readonly readEnd: number;
}

function rangeExtent(range: FrameRange, options: SpectraJobOptions): RangeExtent {
  const { segmentLength, hopSamples } = options.welch;
  const welchEnd = Math.min(options.frameCount, range.endFrame + segmentLength - hopSamples);
  const guard = options.envelope?.guardLength ?? 0;
  return {
    welchEnd,
    readStart: Math.max(0, range.startFrame - guard),
    readEnd: Math.min(options.frameCount, welchEnd + guard),
  };
}

/** The signal's Welch sum, the envelope and its Welch sum, and the statistics of one range. */
function createRangeSinks(range: FrameRange, extent: RangeExtent, options: SpectraJobOptions) {
  const { sampleRateHz } = options.welch;
  const signalWelch = new WelchAccumulator(sampleRateHz, options.welch);
  const envelopeWelch = options.envelope ? new WelchAccumulator(sampleRateHz, options.welch) : null;
  const envelope =
    options.envelope && envelopeWelch
      ? createRangeEnvelope(
          {
            ...options.envelope,
            signalStart: extent.readStart,
            signalEnd: extent.readEnd,
            outputStart: range.startFrame,
            outputEnd: extent.welchEnd,
          },
          (samples) => envelopeWelch.push(samples),
        )
      : null;
  return { signalWelch, envelopeWelch, envelope, stats: emptyStats() };
}

/** Runs the 'spectra' job over `task.range` (on an analysis-pool thread). */
export async function runSpectraJob(task: RangeTask<SpectraJobOptions>): Promise<SpectraPartial> {
  const started = performance.now();
  const { options, range } = task;
  if (options.wasmFft) await enableWasmFft();
  else disableWasmFft();
  await using reader = await openWavBlockReader(task.path);
  if (reader.info.frameCount !== options.frameCount) {
    throw new RangeError(
      `the file now holds ${reader.info.frameCount} frames, not ${options.frameCount}: it changed during analysis`,
    );
  }
  const extent = rangeExtent(range, options);
  const sinks = createRangeSinks(range, extent, options);
  let position = extent.readStart;
  const blocks = reader.blocks(
    extent.readStart,
    extent.readEnd,
    options.blockFrames,
    options.channel,
  );
  // Each block is a reused buffer: every consumer below copies what it keeps.
  for await (const block of blocks) {
    const first = within(range.startFrame, position, block.length);
    const welchStop = within(extent.welchEnd, position, block.length);
    const statsStop = within(range.endFrame, position, block.length);
    if (welchStop > first) sinks.signalWelch.push(block.subarray(first, welchStop));
    if (statsStop > first) sinks.stats = addSamples(sinks.stats, block.subarray(first, statsStop));
    sinks.envelope?.push(block);
    position += block.length;
  }
  sinks.envelope?.finish();
  return {
    range,
    signal: sinks.signalWelch.partial(),
    envelope: sinks.envelopeWelch?.partial() ?? null,
    stats: sinks.stats,
    fftBackend: sinks.signalWelch.fftBackend,
    seconds: (performance.now() - started) / 1000,
  };
}
