/**
 * The range job 'spectrogram': the Review screen's spectrogram of a whole recording, pooled to a
 * display grid (columns × bins) while it is computed, so a one-hour file never holds its full
 * STFT. Each range worker takes the STFT frames that start inside its frame range (boundaries on
 * multiples of the hop, as for Welch), max-pools their PSD into the grid cells it touches and
 * returns those columns; the caller merges ranges by maximum.
 *
 * STFT: `SpectrogramStream` (shared/dsp/stft.ts, scipy.signal.spectrogram mode 'psd': periodic
 * Hann, constant detrend, density scaling). Display bins are linear in frequency: bin b covers
 * [b, b + 1) · (fs/2) / binCount, each the maximum of the STFT bins inside it (the Nyquist bin
 * joins the last one).
 */
import { disableWasmFft, enableWasmFft } from '../../shared/dsp/fft.ts';
import { SpectrogramStream } from '../../shared/dsp/stft.ts';
import type { FrameRange } from './frameRanges.ts';
import type { RangeTask } from './rangeTask.ts';
import { openWavBlockReader } from './wavBlockReader.ts';

/** The display grid and the STFT behind it, chosen once for every range. */
export interface SpectrogramPlan {
  readonly sampleRateHz: number;
  /** Frames (samples per channel) of the file. */
  readonly frameCount: number;
  readonly segmentLength: number;
  readonly hopSamples: number;
  /** STFT frames over the whole file: ⌊(frameCount − segmentLength) / hop⌋ + 1. */
  readonly stftFrameCount: number;
  readonly columnCount: number;
  readonly binCount: number;
}

export interface SpectrogramJobOptions {
  readonly plan: SpectrogramPlan;
  readonly blockFrames: number;
  readonly wasmFft: boolean;
}

export interface SpectrogramPartial {
  readonly firstColumn: number;
  readonly columnCount: number;
  /** Max PSD per cell, `values[(column − firstColumn) · binCount + bin]`, units²/Hz. */
  readonly values: Float32Array;
}

/** Which display bin each STFT bin goes to (linear, see the file comment). */
function binMap(segmentLength: number, binCount: number): Int32Array {
  const half = segmentLength / 2;
  const map = new Int32Array(half + 1);
  for (let k = 0; k <= half; k++)
    map[k] = Math.min(binCount - 1, Math.floor((k * binCount) / half));
  return map;
}

/** STFT frames whose start lies in `range`, and the samples they read. */
function framesOf(range: FrameRange, plan: SpectrogramPlan) {
  const first = Math.ceil(range.startFrame / plan.hopSamples);
  const end = Math.min(plan.stftFrameCount, Math.ceil(range.endFrame / plan.hopSamples));
  return {
    first,
    end,
    readStart: first * plan.hopSamples,
    readEnd: Math.max(first * plan.hopSamples, (end - 1) * plan.hopSamples + plan.segmentLength),
  };
}

/** Runs the 'spectrogram' job over `task.range` (on an analysis-pool thread). */
export async function runSpectrogramJob(
  task: RangeTask<SpectrogramJobOptions>,
): Promise<SpectrogramPartial> {
  const { plan, blockFrames } = task.options;
  if (task.options.wasmFft) await enableWasmFft();
  else disableWasmFft();
  const frames = framesOf(task.range, plan);
  const firstColumn = Math.floor((frames.first * plan.columnCount) / plan.stftFrameCount);
  const lastColumn = Math.floor(((frames.end - 1) * plan.columnCount) / plan.stftFrameCount);
  const columnCount = Math.max(0, lastColumn - firstColumn + 1);
  const values = new Float32Array(columnCount * plan.binCount);
  if (frames.end <= frames.first) return { firstColumn, columnCount: 0, values };
  await using reader = await openWavBlockReader(task.path);
  if (reader.info.frameCount !== plan.frameCount) {
    throw new RangeError('the file changed since its spectrogram was planned');
  }
  const stream = new SpectrogramStream(plan.sampleRateHz, {
    segmentLength: plan.segmentLength,
    hopSamples: plan.hopSamples,
  });
  const map = binMap(plan.segmentLength, plan.binCount);
  const blocks = reader.blocks(frames.readStart, frames.readEnd, blockFrames, 'mix');
  for await (const block of blocks) {
    const chunk = stream.push(block);
    for (let i = 0; i < chunk.frameCount; i++) {
      const frame = frames.first + chunk.firstFrameIndex + i;
      if (frame >= frames.end) break;
      const column = Math.floor((frame * plan.columnCount) / plan.stftFrameCount);
      const cell = (column - firstColumn) * plan.binCount;
      const row = i * chunk.binCount;
      for (let k = 0; k < chunk.binCount; k++) {
        const power = chunk.values[row + k];
        if (power > values[cell + map[k]]) values[cell + map[k]] = power;
      }
    }
  }
  return { firstColumn, columnCount, values };
}
