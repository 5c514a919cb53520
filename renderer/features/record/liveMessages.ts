/**
 * The messages of the live path (docs/architecture.md, "Where computation runs"): the
 * microphone's frames reach the analysis worker as a transferred MediaStreamTrackProcessor
 * stream where the browser has one (Chromium), else as mono Float32Array blocks the AudioWorklet
 * posts straight to the worker through a MessageChannel; the worker
 * posts analysis frames (8 per second) and, while recording, the chunks to send to the host.
 * The page only draws and calls the API.
 */
import type { BaselineSpectrumView } from '../../../shared/api/contract.ts';
import type { FrequencyAxis } from '../../chart/frequencyAxis.ts';
import type { SpectrogramRows } from '../../chart/colormap.ts';
import type { LevelReading } from './levelMeter.ts';

/** The name the capture processor registers under (captureProcessor.worklet.ts). */
export const CAPTURE_PROCESSOR_NAME = 'auscult-capture';

/** Samples per block the worklet posts (8 render quanta: ~21 ms at 48 kHz). */
export const WORKLET_BLOCK_SAMPLES = 1024;

/** Page → worklet (through AudioWorkletNode.port): where to post the blocks. */
export interface WorkletConnect {
  readonly type: 'connect';
  readonly port: MessagePort;
}

/** What the worker computes for the live view (the person's settings, liveViewSettings.ts). */
export interface LiveAnalysisView {
  /** The frequency axis: the spectrum's points and the waterfall's cells follow it. */
  readonly axis: FrequencyAxis;
  /** Time constant of the exponential average of the spectrum, seconds; 0: off. */
  readonly averagingSeconds: number;
  /** Whether the spectrum carries the highest levels since the last reset. */
  readonly peakHold: boolean;
}

export type PageToWorker =
  | {
      readonly type: 'init';
      readonly sampleRateHz: number;
      readonly view: LiveAnalysisView;
      /**
       * The other end of the worklet's channel, where Float32Array blocks arrive; absent when
       * the audio comes from the stream of a `source` message instead.
       */
      readonly port?: MessagePort;
    }
  /**
   * The microphone's frames (MediaStreamTrackProcessor's readable, transferred): the worker
   * answers `format` with their rate at the first frame and analyses from `init` on.
   */
  | { readonly type: 'source'; readonly frames: ReadableStream<AudioData> }
  | { readonly type: 'view'; readonly view: LiveAnalysisView }
  /** Forget the held peaks; they start again from the next spectrum. */
  | { readonly type: 'resetPeak' }
  | { readonly type: 'baseline'; readonly baseline: BaselineSpectrumView | null }
  /** From the next block on, cut the stream into chunks of `chunkSamples` for the host. */
  | { readonly type: 'record'; readonly chunkSamples: number }
  /** Post the unfinished chunk, then `flushed`, and stop chunking. */
  | { readonly type: 'flush' };

export interface LiveSpectrum {
  readonly frequenciesHz: Float32Array;
  /** dB re 1 FS²/Hz, minus `gainDb` when the baseline was there to compare with. */
  readonly levelsDb: Float32Array;
  /** How far the live level was lowered to meet the baseline's, dB; null: not shifted. */
  readonly gainDb: number | null;
  /** Peak hold: the highest level at each point since the last reset (same shift); or null. */
  readonly peakDb: Float32Array | null;
}

export interface LiveFrame {
  readonly level: LevelReading;
  /** Null until the first whole segment (about 0.7 s after the start). */
  readonly spectrum: LiveSpectrum | null;
  /** The waterfall lines since the previous frame, or null. */
  readonly spectrogram: SpectrogramRows | null;
  /** Lines of the waterfall per second of audio. */
  readonly spectrogramLinesPerSecond: number;
  /** Seconds of audio the worker has received since it started. */
  readonly receivedSeconds: number;
}

export type WorkerToPage =
  | { readonly type: 'frame'; readonly frame: LiveFrame }
  | { readonly type: 'chunk'; readonly samples: ArrayBuffer }
  | { readonly type: 'flushed' }
  /** The rate of the frames of a `source` (the device's own, not resampled). */
  | { readonly type: 'format'; readonly sampleRateHz: number }
  | { readonly type: 'error'; readonly message: string };
