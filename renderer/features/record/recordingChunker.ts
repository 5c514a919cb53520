/**
 * Cuts the live stream into the chunks sent to the host with sessions.append: float32 mono,
 * little-endian, a fixed number of samples each (the last one shorter), so the page never holds
 * more than a chunk of a recording that is still being captured.
 */
import { SESSION_CHUNK_SECONDS } from '../../../shared/api/limits.ts';

/** Samples per chunk at `sampleRateHz` for chunks of `seconds` (at least 1). */
export function chunkSamplesFor(sampleRateHz: number, seconds = SESSION_CHUNK_SECONDS): number {
  if (!(sampleRateHz > 0)) throw new RangeError('chunkSamplesFor: sampleRateHz must be > 0');
  if (!(seconds > 0)) throw new RangeError('chunkSamplesFor: seconds must be > 0');
  return Math.max(1, Math.round(sampleRateHz * seconds));
}

const PLATFORM_IS_LITTLE_ENDIAN = new Uint8Array(new Float32Array([1]).buffer)[3] === 0x3f;

/**
 * The samples as little-endian float32 bytes (the contract's byte order): the array's own buffer
 * when it covers exactly that buffer on a little-endian platform, else a copy (byte-swapped on
 * a big-endian one).
 */
export function littleEndianFloat32(samples: Float32Array): ArrayBuffer {
  const whole = samples.byteOffset === 0 && samples.byteLength === samples.buffer.byteLength;
  if (PLATFORM_IS_LITTLE_ENDIAN) {
    return whole && samples.buffer instanceof ArrayBuffer ? samples.buffer : samples.slice().buffer;
  }
  const out = new ArrayBuffer(samples.length * 4);
  const view = new DataView(out);
  for (let i = 0; i < samples.length; i++) view.setFloat32(i * 4, samples[i], true);
  return out;
}

export class RecordingChunker {
  readonly chunkSamples: number;
  private current: Float32Array;
  private filled = 0;

  constructor(chunkSamples: number) {
    if (!Number.isInteger(chunkSamples) || chunkSamples < 1) {
      throw new RangeError('RecordingChunker: chunkSamples must be a positive integer');
    }
    this.chunkSamples = chunkSamples;
    this.current = new Float32Array(chunkSamples);
  }

  /** Adds a block (not changed); returns the chunks it completed, oldest first. */
  push(block: Float32Array): ArrayBuffer[] {
    const out: ArrayBuffer[] = [];
    let offset = 0;
    while (offset < block.length) {
      const take = Math.min(block.length - offset, this.chunkSamples - this.filled);
      this.current.set(block.subarray(offset, offset + take), this.filled);
      this.filled += take;
      offset += take;
      if (this.filled === this.chunkSamples) {
        out.push(littleEndianFloat32(this.current));
        this.current = new Float32Array(this.chunkSamples);
        this.filled = 0;
      }
    }
    return out;
  }

  /** The samples of the unfinished chunk, or null when there are none; starts afresh. */
  flush(): ArrayBuffer | null {
    if (this.filled === 0) return null;
    const rest = littleEndianFloat32(this.current.slice(0, this.filled));
    this.filled = 0;
    return rest;
  }
}
