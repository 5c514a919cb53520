/**
 * Builds the live path for a microphone stream: AudioContext → MediaStreamSource → the capture
 * AudioWorklet → (MessageChannel) → the analysis Web Worker → the page. Both modules are
 * same-origin files emitted by Vite, as the CSP (script-src and worker-src 'self') requires.
 */
import processorUrl from './captureProcessor.worklet.ts?worker&url';
import { CAPTURE_PROCESSOR_NAME } from './liveMessages.ts';
import type {
  LiveAnalysisView,
  PageToWorker,
  WorkerToPage,
  WorkletConnect,
} from './liveMessages.ts';

export interface LiveGraph {
  readonly context: AudioContext;
  /** The rate everything downstream runs at (the device's audio may be resampled to it). */
  readonly sampleRateHz: number;
  post(message: PageToWorker): void;
  /** Stops the worker, disconnects the nodes and closes the context (not the stream). */
  close(): void;
}

/** Whether this page can run the live path at all (a secure context with AudioWorklet). */
export function liveCaptureSupported(): boolean {
  return (
    typeof navigator.mediaDevices?.getUserMedia === 'function' &&
    typeof AudioWorkletNode === 'function' &&
    typeof Worker === 'function'
  );
}

export async function openLiveGraph(
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
    const started = (worker = new Worker(new URL('./liveAnalysis.worker.ts', import.meta.url), {
      type: 'module',
      name: 'auscult-live-analysis',
    }));
    started.onmessage = (event: MessageEvent<WorkerToPage>) => onMessage(event.data);
    started.onerror = (event) => onMessage({ type: 'error', message: event.message });
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
      context,
      sampleRateHz: context.sampleRate,
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
