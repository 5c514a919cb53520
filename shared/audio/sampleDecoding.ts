/**
 * Turning interleaved WAV sample bytes into mono Float32 samples.
 *
 * Scaling: integer PCM maps to [-1, 1) by dividing by 2^(bits-1) (8-bit PCM is unsigned with an
 * offset of 128), the convention of libsndfile, soundfile.read and scipy.io.wavfile users who
 * normalise. Float samples are kept as they are, even beyond ±1 (vibration data in g is stored
 * that way). A float sample that is NaN, infinite or beyond the float32 range is an error naming
 * its byte: such a file would poison every spectrum computed from it.
 */
import { WavFormatError } from './wavErrors.ts';
import type { WavEncoding } from './wavFormat.ts';

export interface SampleLayout {
  readonly encoding: WavEncoding;
  readonly bitsPerSample: number;
  readonly channelCount: number;
  readonly blockAlignBytes: number;
}

/** Which channel to decode: an index from 0, or `'mix'` for the average of all channels. */
export type ChannelSelection = number | 'mix';

type SampleGetter = (view: DataView, byteOffset: number) => number;

const FLOAT32_MAX = 3.4028234663852886e38;

const getters: Record<string, SampleGetter> = {
  'pcm-8': (view, at) => (view.getUint8(at) - 128) / 128,
  'pcm-16': (view, at) => view.getInt16(at, true) / 32768,
  'pcm-24': (view, at) => (view.getUint16(at, true) + view.getInt8(at + 2) * 65536) / 8388608,
  'pcm-32': (view, at) => view.getInt32(at, true) / 2147483648,
  'float-32': (view, at) => view.getFloat32(at, true),
  'float-64': (view, at) => view.getFloat64(at, true),
};

/**
 * Decodes the whole frames in `bytes` into `out[outOffset ...]`.
 * @param bytes interleaved frames, starting at a frame boundary
 * @param fileOffsetBytes where `bytes[0]` sits in the file, so errors can name a sample's byte
 * @returns the number of frames decoded (floor(bytes.length / blockAlignBytes))
 */
export function decodeFrames(
  bytes: Uint8Array,
  layout: SampleLayout,
  channel: ChannelSelection,
  out: Float32Array,
  outOffset: number,
  fileOffsetBytes: number,
): number {
  const get = getters[`${layout.encoding}-${layout.bitsPerSample}`];
  if (get === undefined) {
    throw new RangeError(`layout: no decoder for ${layout.encoding} ${layout.bitsPerSample}-bit`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const frameCount = Math.floor(bytes.length / layout.blockAlignBytes);
  const bytesPerSample = layout.bitsPerSample / 8;
  const { blockAlignBytes, channelCount } = layout;
  const checked = layout.encoding === 'float';
  const first = channel === 'mix' ? 0 : channel;
  const last = channel === 'mix' ? channelCount - 1 : channel;
  const count = last - first + 1;
  for (let frame = 0; frame < frameCount; frame++) {
    let sum = 0;
    for (let c = first; c <= last; c++) {
      const at = frame * blockAlignBytes + c * bytesPerSample;
      const value = get(view, at);
      if (checked && !(Math.abs(value) <= FLOAT32_MAX)) {
        throw invalidSample(value, fileOffsetBytes + at);
      }
      sum += value;
    }
    out[outOffset + frame] = count === 1 ? sum : sum / count;
  }
  return frameCount;
}

function invalidSample(value: number, byteOffset: number): WavFormatError {
  const what = Number.isNaN(value)
    ? 'NaN'
    : Number.isFinite(value)
      ? `${value}, beyond the float32 range`
      : 'infinite';
  return new WavFormatError(
    'invalid-sample',
    byteOffset,
    `a float sample is ${what}; the recording is corrupt or not audio`,
  );
}
