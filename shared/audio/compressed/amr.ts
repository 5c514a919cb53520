/**
 * Checking AMR-NB and AMR-WB speech (RFC 4867 storage format: the `#!AMR` files of call
 * recorders, and the frames 3GP files hold): every frame's type known and every frame whole.
 * One frame is 20 ms.
 */
import { damaged, noAudio } from './formatError.ts';
import { MAX_DURATION_SECONDS } from './limits.ts';

export type AmrBand = 'amr-nb' | 'amr-wb';

export interface AmrInfo {
  readonly codec: AmrBand;
  readonly sampleRateHz: number;
  readonly frameCount: number;
  readonly durationSeconds: number;
  /** The speech mode's bit rate (the commonest one when the mode changes), kbit/s. */
  readonly bitrateKbps: number;
}

export const AMR_MAGIC: Readonly<Record<AmrBand, string>> = {
  'amr-nb': '#!AMR\n',
  'amr-wb': '#!AMR-WB\n',
};

/** Frame bytes (with the header byte) by frame type; null: a type no file may hold. */
const SIZES: Readonly<Record<AmrBand, readonly (number | null)[]>> = {
  'amr-nb': [13, 14, 16, 18, 20, 21, 27, 32, 6, null, null, null, null, null, null, 1],
  'amr-wb': [18, 24, 33, 37, 41, 47, 51, 59, 61, 6, null, null, null, null, 1, 1],
};
const SPEECH_KBPS: Readonly<Record<AmrBand, readonly number[]>> = {
  'amr-nb': [4.75, 5.15, 5.9, 6.7, 7.4, 7.95, 10.2, 12.2],
  'amr-wb': [6.6, 8.85, 12.65, 14.25, 15.85, 18.25, 19.85, 23.05, 23.85],
};

const FORMAT: Readonly<Record<AmrBand, string>> = { 'amr-nb': 'AMR-NB', 'amr-wb': 'AMR-WB' };

/** Checks AMR frames `frames` (no file header); throws CompressedFormatError. */
export function checkAmrFrames(frames: Uint8Array, band: AmrBand): AmrInfo {
  const modeCounts = new Map<number, number>();
  let frameCount = 0;
  for (let offset = 0; offset < frames.length;) {
    const type = (frames[offset] >> 3) & 15;
    const size = SIZES[band][type];
    if (size === null || frames[offset] & 0x83) {
      throw damaged(FORMAT[band], `frame ${frameCount} has an unknown type`);
    }
    if (offset + size > frames.length) throw damaged(FORMAT[band], 'its last frame is cut off');
    if (type < SPEECH_KBPS[band].length) modeCounts.set(type, (modeCounts.get(type) ?? 0) + 1);
    frameCount += 1;
    offset += size;
  }
  if (modeCounts.size === 0) throw noAudio(FORMAT[band]);
  const durationSeconds = frameCount * 0.02;
  if (durationSeconds > MAX_DURATION_SECONDS) {
    throw damaged(FORMAT[band], `it lasts ${Math.round(durationSeconds)} s`);
  }
  const [commonest] = [...modeCounts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  return {
    codec: band,
    sampleRateHz: band === 'amr-nb' ? 8000 : 16_000,
    frameCount,
    durationSeconds,
    bitrateKbps: SPEECH_KBPS[band][commonest],
  };
}

/** Checks an AMR file (magic and frames). */
export function checkAmrFile(bytes: Uint8Array, band: AmrBand): AmrInfo {
  return checkAmrFrames(bytes.subarray(AMR_MAGIC[band].length), band);
}
