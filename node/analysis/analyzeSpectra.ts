/**
 * The spectra of a WAV file computed on several cores: Welch PSD of the signal, Welch PSD of its
 * full-band Hilbert envelope (the envelope spectrum) and the signal's statistics. Each worker
 * thread opens the file itself and reads one contiguous frame range; the main thread only merges
 * the partials (see spectraJob.ts for which samples a range reads).
 */
import type { ChannelSelection, WavInfo } from '../../shared/audio/wavReader.ts';
import { mergeStats, summarizeStats } from '../../shared/dsp/stats.ts';
import type { SignalStatistics } from '../../shared/dsp/stats.ts';
import {
  mergeWelchPartials,
  resolveWelchSettings,
  welchResult,
} from '../../shared/dsp/welchSegments.ts';
import type { WelchOptions, WelchPartial, WelchResult } from '../../shared/dsp/welchSegments.ts';
import { openWavFile } from '../audio/openWavFile.ts';
import { splitFrameRange } from './frameRanges.ts';
import type { FrameRange } from './frameRanges.ts';
import type { AnalysisPool } from './analysisPool.ts';
import type { SpectraJobOptions, SpectraPartial } from './spectraJob.ts';

export interface ParallelSpectraOptions extends Omit<WelchOptions, 'segmentLength'> {
  /** Samples per Welch segment [nperseg]; default 8192. */
  segmentLength?: number;
  /** Also compute the envelope spectrum; default true. */
  envelope?: boolean;
  /** Envelope FFT frame in samples, a power of two; default 65536. */
  envelopeFrameLength?: number;
  /** Envelope samples discarded at each inner side of a frame; default 8192. */
  envelopeGuardLength?: number;
  /** Channel index or 'mix' (default): as the WAV reader's `channel`. */
  channel?: ChannelSelection;
  /** Ranges per thread; more balance a busy machine better; default 2. */
  rangesPerThread?: number;
  /** WASM SIMD FFT (float32) in the workers; default true. false: fft.js (float64). */
  wasmFft?: boolean;
}

export interface RangeTiming {
  readonly range: FrameRange;
  readonly seconds: number;
}

export interface ParallelSpectra {
  readonly info: WavInfo;
  /** Welch spectrum of the signal (scaling and units as `welch`). */
  readonly psd: WelchResult;
  /** Welch spectrum of the Hilbert envelope |x + j·H{x}|, or null with `envelope: false`. */
  readonly envelopePsd: WelchResult | null;
  readonly stats: SignalStatistics;
  readonly fftBackend: string;
  readonly timings: {
    readonly threads: number;
    /** Wall time of the whole call. */
    readonly totalSeconds: number;
    readonly ranges: readonly RangeTiming[];
  };
}

const BLOCK_FRAMES = 65536;

function positiveInteger(name: string, value: unknown, fallback: number): number {
  const resolved = value ?? fallback;
  if (!Number.isSafeInteger(resolved) || (resolved as number) < 1) {
    throw new RangeError(
      `analyzeSpectraParallel: options.${name} must be an integer >= 1, got ${String(value)}`,
    );
  }
  return resolved as number;
}

function envelopeFrame(options: ParallelSpectraOptions): SpectraJobOptions['envelope'] {
  if (options.envelope === false) return null;
  if (options.envelope !== undefined && options.envelope !== true) {
    throw new TypeError('analyzeSpectraParallel: options.envelope must be a boolean');
  }
  const frameLength = positiveInteger('envelopeFrameLength', options.envelopeFrameLength, 65536);
  const guardLength = options.envelopeGuardLength ?? 8192;
  if ((frameLength & (frameLength - 1)) !== 0 || frameLength < 16) {
    throw new RangeError(
      `analyzeSpectraParallel: options.envelopeFrameLength must be a power of two >= 16, got ${frameLength}`,
    );
  }
  if (!Number.isSafeInteger(guardLength) || guardLength < 0 || 2 * guardLength >= frameLength) {
    throw new RangeError(
      'analyzeSpectraParallel: options.envelopeGuardLength must be an integer in [0, envelopeFrameLength/2)',
    );
  }
  return { frameLength, guardLength };
}

function mergeAll(partials: readonly SpectraPartial[]) {
  const merge = (pick: (p: SpectraPartial) => WelchPartial) =>
    partials.map(pick).reduce((a, b) => mergeWelchPartials(a, b));
  return {
    psd: welchResult(merge((p) => p.signal)),
    envelopePsd: partials[0].envelope
      ? welchResult(merge((p) => p.envelope as WelchPartial))
      : null,
    stats: summarizeStats(partials.map((p) => p.stats).reduce(mergeStats)),
  };
}

/**
 * Welch PSD (scipy.signal.welch), envelope PSD (scipy.signal.welch of
 * abs(scipy.signal.hilbert(x))) and statistics of the WAV file at `path`, on `pool` (its
 * threads each take `rangesPerThread` ranges).
 *
 * Welch options and defaults as `welch` (segmentLength default 8192 here, overlap 0.5 of it,
 * periodic Hann, constant detrend, density scaling). The PSD equals `welch` of the whole
 * decoded signal: to float64 rounding with `wasmFft: false`, to float32 FFT rounding (~1e-6 of
 * the spectrum's peak) with the default WASM FFT. The envelope is computed in overlap-save
 * frames (default 65536 samples, 8192 discarded at each inner side), as `createEnvelopeStream`.
 *
 * Throws RangeError/TypeError naming a bad option, RangeError when the file is shorter than one
 * segment; rejects with WavFormatError (or the fs error) when the file cannot be read.
 */
export async function analyzeSpectraParallel(
  path: string,
  pool: AnalysisPool,
  options: ParallelSpectraOptions = {},
): Promise<ParallelSpectra> {
  const started = performance.now();
  if (typeof path !== 'string' || path === '') {
    throw new TypeError('analyzeSpectraParallel: path must be a non-empty string');
  }
  const threads = pool.threadCount;
  const rangesPerThread = positiveInteger('rangesPerThread', options.rangesPerThread, 2);
  const envelope = envelopeFrame(options);
  const info = await readInfo(path);
  const welch = resolveWelchSettings('analyzeSpectraParallel', info.sampleRateHz, {
    ...options,
    segmentLength: options.segmentLength ?? 8192,
  });
  if (info.frameCount < welch.segmentLength) {
    throw new RangeError(
      `analyzeSpectraParallel: the file holds ${info.frameCount} frames, fewer than one segment (${welch.segmentLength})`,
    );
  }
  const ranges = splitFrameRange(info.frameCount, threads * rangesPerThread, welch.hopSamples);
  const jobOptions: SpectraJobOptions = {
    welch,
    envelope,
    channel: options.channel ?? 'mix',
    blockFrames: BLOCK_FRAMES,
    wasmFft: options.wasmFft ?? true,
    frameCount: info.frameCount,
  };
  const partials = await pool.run('spectra', path, ranges, jobOptions);
  return {
    info,
    ...mergeAll(partials),
    fftBackend: partials[0].fftBackend,
    timings: {
      threads,
      totalSeconds: (performance.now() - started) / 1000,
      ranges: partials.map((p) => ({ range: p.range, seconds: p.seconds })),
    },
  };
}

async function readInfo(path: string): Promise<WavInfo> {
  const reader = await openWavFile(path);
  await reader.close();
  return reader.info;
}
