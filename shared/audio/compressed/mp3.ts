/**
 * Checking an MP3 file before it is decoded: after an optional ID3v2 tag, MPEG audio layer III
 * frames one after another, each whole, at one sample rate, up to an optional ID3v1 or APE tag.
 */
import { isMp3FrameHeader } from './sniff.ts';
import { damaged, noAudio } from './formatError.ts';
import { MAX_DURATION_SECONDS } from './limits.ts';

export interface Mp3Info {
  readonly sampleRateHz: number;
  readonly channelCount: number;
  readonly frameCount: number;
  readonly durationSeconds: number;
  /** Average of the frames' bit rates, kbit/s. */
  readonly bitrateKbps: number;
}

const FORMAT = 'MP3';
const MPEG1_KBPS = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const MPEG2_KBPS = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
/** Rates by version code (0: MPEG 2.5, 2: MPEG 2, 3: MPEG 1) and rate index. */
const RATES_HZ: Readonly<Record<number, readonly number[]>> = {
  0: [11025, 12000, 8000],
  2: [22050, 24000, 16000],
  3: [44100, 48000, 32000],
};

interface Frame {
  readonly length: number;
  readonly sampleRateHz: number;
  readonly samples: number;
  readonly kbps: number;
  readonly channelCount: number;
}

/** The frame whose header is at `offset` (checked with isMp3FrameHeader first). */
function frameAt(bytes: Uint8Array, offset: number): Frame {
  const version = (bytes[offset + 1] >> 3) & 3;
  const mpeg1 = version === 3;
  const kbps = (mpeg1 ? MPEG1_KBPS : MPEG2_KBPS)[bytes[offset + 2] >> 4];
  const sampleRateHz = RATES_HZ[version][(bytes[offset + 2] >> 2) & 3];
  const padding = (bytes[offset + 2] >> 1) & 1;
  const length = Math.floor(((mpeg1 ? 144 : 72) * kbps * 1000) / sampleRateHz) + padding;
  const channelCount = bytes[offset + 3] >> 6 === 3 ? 1 : 2;
  return { length, sampleRateHz, samples: mpeg1 ? 1152 : 576, kbps, channelCount };
}

/** Bytes of the ID3v2 tag at the start, 0 without one. */
function id3v2Size(bytes: Uint8Array): number {
  const tagged = bytes.length >= 10 && bytes[0] === 0x49 && bytes[1] === 0x44 && bytes[2] === 0x33;
  if (!tagged) return 0;
  // A syncsafe integer: 7 bits per byte.
  const size =
    ((bytes[6] & 0x7f) << 21) |
    ((bytes[7] & 0x7f) << 14) |
    ((bytes[8] & 0x7f) << 7) |
    (bytes[9] & 0x7f);
  const footer = bytes[5] & 0x10 ? 10 : 0;
  const total = 10 + size + footer;
  if (total > bytes.length) throw damaged(FORMAT, 'its ID3 tag runs past the end of the file');
  return total;
}

/** A tag that may close the file (ID3v1, APE, Lyrics3). */
function isClosingTag(bytes: Uint8Array, offset: number): boolean {
  const text = String.fromCharCode(...bytes.subarray(offset, offset + 8));
  return (
    (text.startsWith('TAG') && bytes.length - offset <= 128 + 256) ||
    text.startsWith('APETAGEX') ||
    text.startsWith('LYRICS')
  );
}

/** Checks the MP3 file `bytes`; throws CompressedFormatError for anything Auscult cannot use. */
export function checkMp3(bytes: Uint8Array): Mp3Info {
  let offset = id3v2Size(bytes);
  let first: Frame | null = null;
  let frameCount = 0;
  let samples = 0;
  let kbpsSum = 0;
  while (offset < bytes.length && !isClosingTag(bytes, offset)) {
    if (!isMp3FrameHeader(bytes, offset)) {
      throw damaged(FORMAT, `byte ${offset} is not the start of an MP3 frame`);
    }
    const frame = frameAt(bytes, offset);
    if (offset + frame.length > bytes.length) {
      throw damaged(FORMAT, `its last frame is cut off`);
    }
    first ??= frame;
    if (frame.sampleRateHz !== first.sampleRateHz) {
      throw damaged(FORMAT, `its frames change sample rate at byte ${offset}`);
    }
    frameCount += 1;
    samples += frame.samples;
    kbpsSum += frame.kbps;
    offset += frame.length;
  }
  if (!first) throw noAudio(FORMAT);
  const durationSeconds = samples / first.sampleRateHz;
  if (durationSeconds > MAX_DURATION_SECONDS) {
    throw damaged(FORMAT, `it lasts ${Math.round(durationSeconds)} s`);
  }
  return {
    sampleRateHz: first.sampleRateHz,
    channelCount: first.channelCount,
    frameCount,
    durationSeconds,
    bitrateKbps: Math.round(kbpsSum / frameCount),
  };
}
