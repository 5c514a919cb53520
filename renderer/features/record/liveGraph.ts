/**
 * Builds the live path for a microphone stream. Where the browser has MediaStreamTrackProcessor
 * (Chromium), its stream of the track's frames is transferred to the analysis Web Worker: no
 * AudioContext, so no real-time audio thread and no output device run for a view that plays
 * nothing back (about a fifth of the Record screen's processor time). Elsewhere (Firefox,
 * Safari): AudioContext → MediaStreamSource → the capture AudioWorklet → (MessageChannel) → the
 * worker. Both modules are same-origin files emitted by Vite, as the CSP (script-src and
 * worker-src 'self') requires.
 */
import processorUrl from './captureProcessor.worklet.ts?worker&url';
import { SILENT_MICROPHONE_ERROR } from './inputDevices.ts';
import { CAPTURE_PROCESSOR_NAME } from './liveMessages.ts';
import type {
  LiveAnalysisView,
  PageToWorker,
  WorkerToPage,
  WorkletConnect,
} from './liveMessages.ts';

export interface LiveGraph {
  /** The rate everything downstream runs at (the device's, or the AudioContext's). */
  readonly sampleRateHz: number;
  /** 'suspended' while the browser holds an AudioContext until a user gesture. */
  state(): 'running' | 'suspended';
  /** Called when `state()` may have changed. */
  onStateChange(listener: () => void): void;
  /** Asks a suspended path to run (call it from a user gesture). */
  resume(): void;
  post(message: PageToWorker): void;
  /** Stops the worker and the audio nodes or frame reader (not the stream's tracks). */
  close(): void;
}

/** MediaStreamTrackProcessor is not in TypeScript's DOM lib (it is in Chromium's window). */
type TrackProcessorConstructor = new (init: {
  track: MediaStreamTrack;
  maxBufferSize?: number;
}) => { readonly readable: ReadableStream<AudioData> };

/** Frames of ~10 ms the processor keeps when the worker falls behind (5 s); older ones drop. */
const TRACK_BUFFER_FRAMES = 500;
/** How long the first frame may take to arrive before the microphone counts as silent. */
const FIRST_FRAME_TIMEOUT_MS = 10_000;

function trackProcessor(): TrackProcessorConstructor | null {
  const candidate = (globalThis as { MediaStreamTrackProcessor?: TrackProcessorConstructor })
    .MediaStreamTrackProcessor;
  return typeof candidate === 'function' ? candidate : null;
}

/** Whether this page can run the live path at all (a secure context with a capture route). */
export function liveCaptureSupported(): boolean {
  return (
    typeof navigator.mediaDevices?.getUserMedia === 'function' &&
    (trackProcessor() !== null || typeof AudioWorkletNode === 'function') &&
    typeof Worker === 'function'
  );
}

function startWorker(onMessage: (message: WorkerToPage) => void): Worker {
  const worker = new Worker(new URL('./liveAnalysis.worker.ts', import.meta.url), {
    type: 'module',
    name: 'auscult-live-analysis',
  });
  worker.onmessage = (event: MessageEvent<WorkerToPage>) => onMessage(event.data);
  worker.onerror = (event) => onMessage({ type: 'error', message: event.message });
  return worker;
}

export function openLiveGraph(
  stream: MediaStream,
  view: (sampleRateHz: number) => LiveAnalysisView,
  onMessage: (message: WorkerToPage) => void,
): Promise<LiveGraph> {
  const Processor = trackProcessor();
  return Processor
    ? openTrackGraph(Processor, stream, view, onMessage)
    : openWorkletGraph(stream, view, onMessage);
}

async function openTrackGraph(
  Processor: TrackProcessorConstructor,
  stream: MediaStream,
  view: (sampleRateHz: number) => LiveAnalysisView,
  onMessage: (message: WorkerToPage) => void,
): Promise<LiveGraph> {
  const track = stream.getAudioTracks()[0];
  const { readable } = new Processor({ track, maxBufferSize: TRACK_BUFFER_FRAMES });
  let announce: ((sampleRateHz: number) => void) | null = null;
  let refuse: ((error: Error) => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const format = new Promise<number>((resolve, reject) => {
    announce = resolve;
    refuse = reject;
    timer = setTimeout(() => {
      // Named, not worded: the page says it in the person's language (record.failure.silent).
      const silent = new Error(SILENT_MICROPHONE_ERROR);
      silent.name = SILENT_MICROPHONE_ERROR;
      reject(silent);
    }, FIRST_FRAME_TIMEOUT_MS);
  });
  let started = false;
  const worker = startWorker((message) => {
    if (message.type === 'format') announce?.(message.sampleRateHz);
    // Before the first frame, a failure is the opening's own; after it, the caller's to report.
    else if (message.type === 'error' && !started) refuse?.(new Error(message.message));
    else onMessage(message);
  });
  try {
    const source: PageToWorker = { type: 'source', frames: readable };
    worker.postMessage(source, [readable as unknown as Transferable]);
    const sampleRateHz = await format;
    started = true;
    const init: PageToWorker = { type: 'init', sampleRateHz, view: view(sampleRateHz) };
    worker.postMessage(init);
    return {
      sampleRateHz,
      state: () => 'running',
      onStateChange: () => undefined,
      resume: () => undefined,
      post: (message) => worker.postMessage(message),
      // The transferred stream ends with the worker, which cancels the processor's reading.
      close: () => worker.terminate(),
    };
  } catch (error) {
    worker.terminate();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The AudioContext route on its own: a MediaStreamAudioSourceNode feeding the worker. The expert's
 * live view (features/live) takes it for the received WebRTC stream, whose audio Chromium hands
 * to Web Audio (the track processor of a remote track is not what the brief of that view asks).
 */
export async function openWorkletGraph(
  stream: MediaStream,
  view: (sampleRateHz: number) => LiveAnalysisView,
  onMessage: (message: WorkerToPage) => void,
): Promise<LiveGraph> {
  // Nothing is played back, so latency does not matter: 'playback' lets the audio threads wake
  // up less often (larger buffers), which saves a laptop's battery.
  const context = new AudioContext({ latencyHint: 'playback' });
  let worker: Worker | null = null;
  try {
    await context.audioWorklet.addModule(processorUrl);
    const source = context.createMediaStreamSource(stream);
    // No output: the node is pulled because its input is live (the Web Audio spec's rule for
    // AudioWorkletNodes without outputs), and nothing is played back.
    const node = new AudioWorkletNode(context, CAPTURE_PROCESSOR_NAME, {
      numberOfInputs: 1,
      numberOfOutputs: 0,
      channelCountMode: 'max',
    });
    const started = (worker = startWorker(onMessage));
    const channel = new MessageChannel();
    const init: PageToWorker = {
      type: 'init',
      sampleRateHz: context.sampleRate,
      view: view(context.sampleRate),
      port: channel.port2,
    };
    started.postMessage(init, [channel.port2]);
    const connect: WorkletConnect = { type: 'connect', port: channel.port1 };
    node.port.postMessage(connect, [channel.port1]);
    source.connect(node);
    return {
      sampleRateHz: context.sampleRate,
      state: () => (context.state === 'running' ? 'running' : 'suspended'),
      onStateChange: (listener) => {
        context.onstatechange = () => {
          if (context.state !== 'closed') listener();
        };
      },
      resume: () => void context.resume(),
      post: (message) => started.postMessage(message),
      close: () => {
        source.disconnect();
        node.port.close();
        started.terminate();
        void context.close();
      },
    };
  } catch (error) {
    worker?.terminate();
    void context.close();
    throw error;
  }
}
