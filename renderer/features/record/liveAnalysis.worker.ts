/**
 * The live-analysis Web Worker: receives the microphone's frames (a transferred
 * MediaStreamTrackProcessor stream, mixed to mono here) or the AudioWorklet's mono blocks
 * through a MessagePort, analyses them (LiveAnalyser) and posts a frame every 125 ms of audio; while recording, cuts
 * the same blocks into chunks for the host. Nothing here touches the DOM or the API.
 */
import { LiveAnalyser } from './liveAnalyser.ts';
import type { PageToWorker, WorkerToPage } from './liveMessages.ts';
import { RecordingChunker } from './recordingChunker.ts';
import { BlockGatherer, monoSamples } from './audioFrames.ts';
import { WORKLET_BLOCK_SAMPLES } from './liveMessages.ts';

// The worker's global scope; typed through the page's lib, so only postMessage and onmessage.
const scope = self as unknown as {
  postMessage(message: WorkerToPage, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<PageToWorker>) => void) | null;
};

let analyser: LiveAnalyser | null = null;
let chunker: RecordingChunker | null = null;
/** The microphone's frames gathered into blocks of the worklet's size (two of them). */
const gatherer = new BlockGatherer(2 * WORKLET_BLOCK_SAMPLES);

function post(message: WorkerToPage, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

function report(error: unknown): void {
  post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}

function onBlock(block: Float32Array): void {
  if (!analyser) return;
  if (chunker) {
    for (const samples of chunker.push(block)) post({ type: 'chunk', samples }, [samples]);
  }
  analyser.push(block);
  if (analyser.frameDue) {
    const frame = analyser.takeFrame();
    // The waterfall lines are new each frame and can move; the spectrum may be posted again.
    post({ type: 'frame', frame }, frame.spectrogram ? [frame.spectrogram.levels.buffer] : []);
  }
}

/** Reads the microphone's frames until the stream ends; frames before `init` are not used. */
async function readFrames(frames: ReadableStream<AudioData>): Promise<void> {
  const reader = frames.getReader();
  let sampleRateHz: number | null = null;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    try {
      if (sampleRateHz === null) {
        sampleRateHz = value.sampleRate;
        post({ type: 'format', sampleRateHz });
      } else if (value.sampleRate !== sampleRateHz) {
        // A recording holds one rate: a device that changes it mid-stream ends the live path.
        throw new Error(
          `The microphone changed its rate from ${sampleRateHz} to ${value.sampleRate} Hz.`,
        );
      }
      if (analyser) for (const block of gatherer.push(monoSamples(value))) onBlock(block);
    } finally {
      value.close();
    }
  }
}

function onPageMessage(message: PageToWorker): void {
  switch (message.type) {
    case 'source':
      readFrames(message.frames).catch(report);
      break;
    case 'init':
      analyser = new LiveAnalyser(message.sampleRateHz, message.view);
      if (message.port) {
        message.port.onmessage = (event: MessageEvent<Float32Array>) => {
          try {
            onBlock(event.data);
          } catch (error) {
            report(error);
          }
        };
      }
      break;
    case 'view':
      analyser?.setView(message.view);
      break;
    case 'resetPeak':
      analyser?.resetPeak();
      break;
    case 'baseline':
      analyser?.setBaseline(message.baseline);
      break;
    case 'record':
      chunker = new RecordingChunker(message.chunkSamples);
      break;
    case 'flush': {
      // Samples still being gathered belong to the recording too.
      const gathered = gatherer.take();
      if (gathered) onBlock(gathered);
      const rest = chunker?.flush() ?? null;
      chunker = null;
      if (rest) post({ type: 'chunk', samples: rest }, [rest]);
      post({ type: 'flushed' });
      break;
    }
  }
}

scope.onmessage = (event) => {
  try {
    onPageMessage(event.data);
  } catch (error) {
    report(error);
  }
};
