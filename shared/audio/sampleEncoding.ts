/**
 * Float samples → WAV sample bytes, little-endian, interleaved.
 *
 * Input is planar: one array per channel, all the same length, values nominally in [-1, 1]
 * (Web Audio's and the DSP code's native layout; the AudioWorklet hands over one Float32Array
 * per channel). The bytes are interleaved frame by frame, as RIFF/WAVE requires.
 */
import type { SampleArray } from '../dsp/types.ts';
import { MAX_CHANNEL_COUNT } from './wavFormat.ts';

/**
 * 'pcm16': 16-bit signed integer PCM (WAVE_FORMAT_PCM, tag 1).
 * 'float32': 32-bit IEEE float (WAVE_FORMAT_IEEE_FLOAT, tag 3).
 */
export type WavSampleEncoding = 'pcm16' | 'float32';

export const WAV_SAMPLE_ENCODINGS: readonly WavSampleEncoding[] = ['pcm16', 'float32'];

/** Largest channel count the writer accepts: what the reader accepts. */
export const MAX_WAV_CHANNELS = MAX_CHANNEL_COUNT;

const FLOAT32_MAX = 3.4028234663852886e38;

export function isWavSampleEncoding(value: unknown): value is WavSampleEncoding {
  return value === 'pcm16' || value === 'float32';
}

/** Bytes one sample of one channel takes: 2 for pcm16, 4 for float32. */
export function bytesPerSample(encoding: WavSampleEncoding): number {
  return encoding === 'pcm16' ? 2 : 4;
}

/**
 * One float sample as a 16-bit integer: round(x · 32768), clipped to [-32768, 32767].
 *
 * The scale is 32768 (not 32767) so that the reader's division by 32768 gives back x within
 * 0.5/32768 for x in [-1, 32767/32768]; x = +1.0 clips to 32767 (error 1/32768). Rounding is
 * Math.round (halves toward +∞). NaN becomes 0 (silence) rather than poisoning a recording.
 * scipy has no single equivalent; `np.clip(np.round(x * 32768), -32768, 32767).astype('<i2')` is
 * the same up to the rounding of exact halves.
 */
export function floatToPcm16(x: number): number {
  const scaled = Math.round(x * 32768);
  if (scaled > 32767) return 32767;
  if (scaled >= -32768) return scaled;
  return scaled < -32768 ? -32768 : 0; // the last case is NaN
}

/**
 * One sample as the float32 a WAV file may hold: the nearest float32, except that NaN becomes 0
 * and values beyond the float32 range become ±3.4028e38. The reader refuses non-finite samples
 * (they would poison every spectrum), so the writer must never store one.
 */
export function floatToFiniteFloat32(x: number): number {
  const rounded = Math.fround(x);
  if (rounded - rounded === 0) return rounded; // false for NaN and ±Infinity
  if (x > 0) return FLOAT32_MAX;
  return x < 0 ? -FLOAT32_MAX : 0;
}

/**
 * Checks a planar block: 1..32 channels, typed float arrays of equal length.
 * Returns its frame count. Throws TypeError/RangeError naming `parameterName`.
 */
export function validatePlanarBlock(
  channels: readonly SampleArray[],
  parameterName: string,
  expectedChannelCount?: number,
): number {
  if (!Array.isArray(channels)) {
    throw new TypeError(
      `${parameterName} must be an array of per-channel Float32Array/Float64Array`,
    );
  }
  if (expectedChannelCount !== undefined && channels.length !== expectedChannelCount) {
    throw new RangeError(
      `${parameterName} has ${channels.length} channels; the writer was opened with ${expectedChannelCount}`,
    );
  }
  if (channels.length < 1 || channels.length > MAX_WAV_CHANNELS) {
    throw new RangeError(
      `${parameterName} must hold 1..${MAX_WAV_CHANNELS} channels, got ${channels.length}`,
    );
  }
  for (let c = 0; c < channels.length; c++) {
    const channel = channels[c];
    if (!(channel instanceof Float32Array) && !(channel instanceof Float64Array)) {
      throw new TypeError(`${parameterName}[${c}] must be a Float32Array or Float64Array`);
    }
    if (channel.length !== channels[0].length) {
      throw new RangeError(
        `${parameterName}[${c}] has ${channel.length} samples, ${parameterName}[0] has ${channels[0].length}`,
      );
    }
  }
  return channels[0].length;
}

/**
 * Writes frames [startFrame, startFrame + frameCount) of a planar block into `target` at
 * `targetOffsetBytes`, interleaved, little-endian. pcm16: `floatToPcm16`. float32:
 * `floatToFiniteFloat32` (no clipping at ±1: a float WAV may exceed it, vibration data in g does).
 * Returns the number of bytes written. No validation: callers check the block once.
 */
export function encodeFramesInto(
  channels: readonly SampleArray[],
  startFrame: number,
  frameCount: number,
  encoding: WavSampleEncoding,
  target: DataView,
  targetOffsetBytes: number,
): number {
  const channelCount = channels.length;
  const sampleBytes = bytesPerSample(encoding);
  const frameBytes = sampleBytes * channelCount;
  for (let c = 0; c < channelCount; c++) {
    const samples = channels[c];
    let offset = targetOffsetBytes + c * sampleBytes;
    const end = startFrame + frameCount;
    if (encoding === 'pcm16') {
      for (let i = startFrame; i < end; i++, offset += frameBytes) {
        target.setInt16(offset, floatToPcm16(samples[i]), true);
      }
    } else {
      for (let i = startFrame; i < end; i++, offset += frameBytes) {
        target.setFloat32(offset, floatToFiniteFloat32(samples[i]), true);
      }
    }
  }
  return frameCount * frameBytes;
}

/** A whole planar block as interleaved sample bytes (a new array, sized exactly). */
export function encodeFrames(
  channels: readonly SampleArray[],
  encoding: WavSampleEncoding,
): Uint8Array {
  const frameCount = channels.length === 0 ? 0 : channels[0].length;
  const bytes = new Uint8Array(frameCount * channels.length * bytesPerSample(encoding));
  const view = new DataView(bytes.buffer);
  encodeFramesInto(channels, 0, frameCount, encoding, view, 0);
  return bytes;
}
