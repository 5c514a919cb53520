/**
 * The WAV layout Auscult writes, and `encodeWav` for files small enough to build in memory.
 *
 * The layout is the one scipy.io.wavfile.write produces, so any reader that opens scipy's files
 * opens ours (Chromium's fake capture device included):
 *
 *   pcm16   RIFF/WAVE, fmt (16 bytes, tag 1),                         data  → header 44 bytes
 *   float32 RIFF/WAVE, fmt (18 bytes, tag 3, cbSize 0), fact (frames), data  → header 58 bytes
 *
 * WAVE_FORMAT_EXTENSIBLE is not written, also above two channels (scipy does the same): every
 * reader we target accepts plain tags 1 and 3 with any channel count.
 */
import type { SampleArray } from '../dsp/types.ts';
import {
  bytesPerSample,
  encodeFramesInto,
  isWavSampleEncoding,
  MAX_WAV_CHANNELS,
  validatePlanarBlock,
} from './sampleEncoding.ts';
import type { WavSampleEncoding } from './sampleEncoding.ts';
import { MAX_SAMPLE_RATE_HZ, MIN_SAMPLE_RATE_HZ } from './wavFormat.ts';

/** Options shared by `encodeWav` and the streaming writer. */
export interface WavFormatOptions {
  /** Sample encoding; default 'pcm16'. */
  readonly encoding?: WavSampleEncoding;
}

/** Where everything sits in a file Auscult writes. All sizes in bytes. */
export interface WavWriteLayout {
  readonly encoding: WavSampleEncoding;
  readonly sampleRateHz: number;
  readonly channelCount: number;
  /** Bytes per frame (all channels of one instant): fmt's nBlockAlign. */
  readonly blockAlignBytes: number;
  /** Header length = offset of the first sample: 44 (pcm16) or 58 (float32). */
  readonly dataOffsetBytes: number;
  /** Largest data size whose RIFF size still fits in 32 bits, whole frames only. */
  readonly maxDataBytes: number;
}

const UINT32_MAX = 0xffffffff;

/**
 * Validates the format and returns the layout. Throws RangeError naming the parameter:
 * `sampleRateHz` an integer in 1 kHz..768 kHz (the reader's range), `channelCount` 1..32,
 * `encoding` 'pcm16' or 'float32'.
 */
export function wavWriteLayout(
  sampleRateHz: number,
  channelCount: number,
  encoding: WavSampleEncoding = 'pcm16',
): WavWriteLayout {
  if (!isWavSampleEncoding(encoding)) {
    throw new RangeError(`encoding must be 'pcm16' or 'float32', got ${String(encoding)}`);
  }
  if (!Number.isInteger(channelCount) || channelCount < 1 || channelCount > MAX_WAV_CHANNELS) {
    throw new RangeError(
      `channelCount must be an integer in 1..${MAX_WAV_CHANNELS}, got ${channelCount}`,
    );
  }
  const blockAlignBytes = bytesPerSample(encoding) * channelCount;
  if (
    !Number.isInteger(sampleRateHz) ||
    sampleRateHz < MIN_SAMPLE_RATE_HZ ||
    sampleRateHz > MAX_SAMPLE_RATE_HZ
  ) {
    throw new RangeError(
      `sampleRateHz must be an integer in ${MIN_SAMPLE_RATE_HZ}..${MAX_SAMPLE_RATE_HZ} ` +
        `(what the reader accepts), got ${sampleRateHz}`,
    );
  }
  const dataOffsetBytes = encoding === 'pcm16' ? 44 : 58;
  const room = UINT32_MAX - (dataOffsetBytes - 8);
  const maxDataBytes = Math.floor(room / blockAlignBytes) * blockAlignBytes;
  return { encoding, sampleRateHz, channelCount, blockAlignBytes, dataOffsetBytes, maxDataBytes };
}

function writeAscii(view: DataView, offset: number, text: string): void {
  for (let i = 0; i < text.length; i++) view.setUint8(offset + i, text.charCodeAt(i));
}

/**
 * The header (bytes 0 .. dataOffsetBytes) for `frameCount` frames of sample data:
 * RIFF size = dataOffsetBytes − 8 + data size, data size = frameCount · blockAlignBytes, and for
 * float32 the fact chunk's sample length = frameCount. Throws RangeError if that exceeds 4 GiB.
 */
export function wavHeaderBytes(layout: WavWriteLayout, frameCount: number): Uint8Array {
  const dataBytes = frameCount * layout.blockAlignBytes;
  if (!Number.isInteger(frameCount) || frameCount < 0 || dataBytes > layout.maxDataBytes) {
    throw new RangeError(
      `frameCount must be a whole number of frames under 4 GiB, got ${frameCount}`,
    );
  }
  const header = new Uint8Array(layout.dataOffsetBytes);
  const view = new DataView(header.buffer);
  const isFloat = layout.encoding === 'float32';
  writeAscii(view, 0, 'RIFF');
  view.setUint32(4, layout.dataOffsetBytes - 8 + dataBytes, true);
  writeAscii(view, 8, 'WAVE');
  writeAscii(view, 12, 'fmt ');
  view.setUint32(16, isFloat ? 18 : 16, true);
  view.setUint16(20, isFloat ? 3 : 1, true);
  view.setUint16(22, layout.channelCount, true);
  view.setUint32(24, layout.sampleRateHz, true);
  view.setUint32(28, layout.sampleRateHz * layout.blockAlignBytes, true);
  view.setUint16(32, layout.blockAlignBytes, true);
  view.setUint16(34, bytesPerSample(layout.encoding) * 8, true);
  let offset = 36;
  if (isFloat) {
    view.setUint16(36, 0, true); // cbSize: no extension
    writeAscii(view, 38, 'fact');
    view.setUint32(42, 4, true);
    view.setUint32(46, frameCount, true);
    offset = 50;
  }
  writeAscii(view, offset, 'data');
  view.setUint32(offset + 4, dataBytes, true);
  return header;
}

/**
 * A complete WAV file in memory from planar channels (one Float32Array/Float64Array per channel,
 * equal lengths, 1..32 channels). For recordings that grow, use `createWavWriter` instead.
 *
 * pcm16 stores round(x · 32768) clipped to [-32768, 32767] (see `floatToPcm16`); float32 stores
 * the values as they are. scipy equivalent: `scipy.io.wavfile.write` (same byte layout).
 *
 * @param channels planar samples, nominally in [-1, 1]; not mutated
 * @param sampleRateHz samples per second per channel, an integer in 1000..768000
 * @param options.encoding 'pcm16' (default) or 'float32'
 */
export function encodeWav(
  channels: readonly SampleArray[],
  sampleRateHz: number,
  options: WavFormatOptions = {},
): Uint8Array {
  const frameCount = validatePlanarBlock(channels, 'channels');
  const layout = wavWriteLayout(sampleRateHz, channels.length, options.encoding ?? 'pcm16');
  const header = wavHeaderBytes(layout, frameCount);
  const file = new Uint8Array(layout.dataOffsetBytes + frameCount * layout.blockAlignBytes);
  file.set(header, 0);
  const view = new DataView(file.buffer);
  encodeFramesInto(channels, 0, frameCount, layout.encoding, view, layout.dataOffsetBytes);
  return file;
}
