/**
 * The AudioWorklet processor of the live path (runs on the audio rendering thread): mixes the
 * input's channels to mono and posts blocks of WORKLET_BLOCK_SAMPLES to the analysis worker over
 * the MessagePort the page hands it. No analysis here: the audio thread must never be late.
 * Loaded by URL (useLiveInput.ts imports it with Vite's `?worker&url`, a same-origin file, as
 * the CSP's script-src 'self' requires).
 */
import { CAPTURE_PROCESSOR_NAME, WORKLET_BLOCK_SAMPLES } from './liveMessages.ts';
import type { WorkletConnect } from './liveMessages.ts';

// AudioWorkletGlobalScope is not in TypeScript's DOM lib: declare the two globals used.
declare const AudioWorkletProcessor: {
  prototype: { readonly port: MessagePort };
  new (): { readonly port: MessagePort };
};
declare function registerProcessor(
  name: string,
  processor: new () => { process(inputs: Float32Array[][]): boolean },
): void;

class CaptureProcessor extends AudioWorkletProcessor {
  private target: MessagePort | null = null;
  private block = new Float32Array(WORKLET_BLOCK_SAMPLES);
  private filled = 0;

  constructor() {
    super();
    this.port.onmessage = (event: MessageEvent<WorkletConnect>) => {
      if (event.data?.type === 'connect') this.target = event.data.port;
    };
  }

  process(inputs: Float32Array[][]): boolean {
    const channels = inputs[0];
    if (!this.target || !channels || channels.length === 0) return true;
    const frames = channels[0].length;
    const scale = 1 / channels.length;
    for (let i = 0; i < frames; i++) {
      let sum = 0;
      for (const channel of channels) sum += channel[i];
      this.block[this.filled++] = sum * scale;
      if (this.filled === this.block.length) {
        // Transferred, not copied: a new block takes its place.
        this.target.postMessage(this.block, [this.block.buffer]);
        this.block = new Float32Array(WORKLET_BLOCK_SAMPLES);
        this.filled = 0;
      }
    }
    // Keep running while the source is connected.
    return true;
  }
}

registerProcessor(CAPTURE_PROCESSOR_NAME, CaptureProcessor);
