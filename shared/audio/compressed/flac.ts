/**
 * Checking a FLAC file before it is decoded: its STREAMINFO block first, every metadata block
 * inside the file, and audio frames after them.
 */
import { damaged, noAudio } from './formatError.ts';
import { MAX_CHANNELS, MAX_DURATION_SECONDS, MAX_SAMPLE_RATE_HZ } from './limits.ts';

export interface FlacInfo {
  readonly sampleRateHz: number;
  readonly channelCount: number;
  readonly bitsPerSample: number;
  /** From STREAMINFO; null when the encoder left it unknown (0). */
  readonly totalSamples: number | null;
  /** Bytes of audio frames (metadata left out). */
  readonly audioBytes: number;
}

const FORMAT = 'FLAC';

interface StreamInfo {
  readonly sampleRateHz: number;
  readonly channelCount: number;
  readonly bitsPerSample: number;
  readonly totalSamples: number;
}

function streamInfo(block: Uint8Array): StreamInfo {
  const sampleRateHz = (block[10] << 12) | (block[11] << 4) | (block[12] >> 4);
  const channelCount = ((block[12] >> 1) & 7) + 1;
  const bitsPerSample = (((block[12] & 1) << 4) | (block[13] >> 4)) + 1;
  const totalSamples =
    (block[13] & 15) * 2 ** 32 +
    ((block[14] << 24) >>> 0) +
    (block[15] << 16) +
    (block[16] << 8) +
    block[17];
  if (sampleRateHz < 1 || sampleRateHz > MAX_SAMPLE_RATE_HZ) {
    throw damaged(FORMAT, `its header declares a sample rate of ${sampleRateHz} Hz`);
  }
  if (channelCount > MAX_CHANNELS) throw damaged(FORMAT, `it declares ${channelCount} channels`);
  if (totalSamples / sampleRateHz > MAX_DURATION_SECONDS) {
    throw damaged(FORMAT, `it declares a duration of ${Math.round(totalSamples / sampleRateHz)} s`);
  }
  return { sampleRateHz, channelCount, bitsPerSample, totalSamples };
}

/** Checks the FLAC file `bytes`; throws CompressedFormatError for anything Auscult cannot use. */
export function checkFlac(bytes: Uint8Array): FlacInfo {
  let offset = 4;
  let info: StreamInfo | null = null;
  for (let last = false; !last;) {
    if (offset + 4 > bytes.length) throw damaged(FORMAT, 'its metadata is cut off');
    last = (bytes[offset] & 0x80) !== 0;
    const type = bytes[offset] & 0x7f;
    const length = (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3];
    const body = bytes.subarray(offset + 4, offset + 4 + length);
    if (body.length < length) {
      throw damaged(FORMAT, `a metadata block claims ${length} bytes, past the end of the file`);
    }
    if (info === null) {
      if (type !== 0 || length !== 34) throw damaged(FORMAT, 'it does not begin with STREAMINFO');
      info = streamInfo(body);
    }
    offset += 4 + length;
  }
  if (!info) throw damaged(FORMAT, 'it does not begin with STREAMINFO');
  if (offset >= bytes.length) throw noAudio(FORMAT);
  if (bytes[offset] !== 0xff || (bytes[offset + 1] & 0xfe) !== 0xf8) {
    throw damaged(FORMAT, 'its first audio frame does not start where its metadata ends');
  }
  return {
    sampleRateHz: info.sampleRateHz,
    channelCount: info.channelCount,
    bitsPerSample: info.bitsPerSample,
    totalSamples: info.totalSamples === 0 ? null : info.totalSamples,
    audioBytes: bytes.length - offset,
  };
}
