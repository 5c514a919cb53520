/**
 * The microphone's frames (WebCodecs AudioData, from MediaStreamTrackProcessor) as the mono
 * blocks the live analysis and the recording take: channels mixed exactly as the AudioWorklet
 * path mixes them (the sum of the channels in order, times 1/channels), a single channel as it
 * is, so a recording keeps the device's samples bit for bit.
 */

/** What this module needs of an AudioData (so tests can hand it plain objects). */
export type AudioFrame = Pick<AudioData, 'numberOfFrames' | 'numberOfChannels' | 'copyTo'>;

export function monoSamples(frame: AudioFrame): Float32Array {
  const frames = frame.numberOfFrames;
  const channels = frame.numberOfChannels;
  const out = new Float32Array(frames);
  frame.copyTo(out, { planeIndex: 0, format: 'f32-planar' });
  if (channels === 1) return out;
  // Summed in doubles and scaled before the one rounding to float32, as the worklet does.
  const sums = new Float64Array(out); // the copy constructor: `from` iterates, ~10× slower
  const plane = new Float32Array(frames);
  for (let c = 1; c < channels; c++) {
    frame.copyTo(plane, { planeIndex: c, format: 'f32-planar' });
    for (let i = 0; i < frames; i++) sums[i] += plane[i];
  }
  const scale = 1 / channels;
  for (let i = 0; i < frames; i++) out[i] = sums[i] * scale;
  return out;
}

/**
 * Gathers the microphone's short frames (~10 ms) into blocks of `blockSamples`, so the analysis
 * and the chunker run ~20 times a second instead of ~100 (each call has a fixed cost).
 */
export class BlockGatherer {
  readonly blockSamples: number;
  private current: Float32Array;
  private filled = 0;

  constructor(blockSamples: number) {
    if (!Number.isInteger(blockSamples) || blockSamples < 1) {
      throw new RangeError('BlockGatherer: blockSamples must be a positive integer');
    }
    this.blockSamples = blockSamples;
    this.current = new Float32Array(blockSamples);
  }

  /** Adds samples (not changed); returns the blocks they completed, oldest first. */
  push(samples: Float32Array): Float32Array[] {
    const out: Float32Array[] = [];
    let offset = 0;
    while (offset < samples.length) {
      const take = Math.min(samples.length - offset, this.blockSamples - this.filled);
      this.current.set(samples.subarray(offset, offset + take), this.filled);
      this.filled += take;
      offset += take;
      if (this.filled === this.blockSamples) {
        out.push(this.current);
        this.current = new Float32Array(this.blockSamples);
        this.filled = 0;
      }
    }
    return out;
  }

  /** The samples of the unfinished block, or null when there are none; starts afresh. */
  take(): Float32Array | null {
    if (this.filled === 0) return null;
    const rest = this.current.slice(0, this.filled);
    this.filled = 0;
    return rest;
  }
}
