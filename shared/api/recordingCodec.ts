/** A recording's codec as stored and sent (RecordingCodec), read back defensively. */
import type { CodecCode, RecordingCodec } from './contract.ts';

export const CODEC_CODES: readonly CodecCode[] = [
  'aac',
  'mp3',
  'opus',
  'vorbis',
  'flac',
  'amr-nb',
  'amr-wb',
];

const isCode = (value: unknown): value is CodecCode =>
  typeof value === 'string' && (CODEC_CODES as readonly string[]).includes(value);

const positive = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0;

/** The codec in a stored JSON value, or null when it is not a well-formed RecordingCodec. */
export function codecFromJson(value: unknown): RecordingCodec | null {
  if (typeof value !== 'object' || value === null) return null;
  const { code, bitrateKbps, sampleRateHz, channelCount } = value as Record<string, unknown>;
  if (!isCode(code) || !positive(sampleRateHz) || !positive(channelCount)) return null;
  return {
    code,
    bitrateKbps: positive(bitrateKbps) ? bitrateKbps : null,
    sampleRateHz,
    channelCount,
  };
}

/** English names of the codecs (the command line; the page has its own words). */
export const CODEC_NAMES: Readonly<Record<CodecCode, string>> = {
  aac: 'AAC',
  mp3: 'MP3',
  opus: 'Opus',
  vorbis: 'Vorbis',
  flac: 'FLAC',
  'amr-nb': 'AMR-NB',
  'amr-wb': 'AMR-WB',
};

/** "AAC 64 kbit/s, 44.1 kHz" in English. */
export function codecSummaryEnglish(codec: RecordingCodec): string {
  const rate = `${Math.round(codec.sampleRateHz / 100) / 10} kHz`;
  const bitrate = codec.bitrateKbps === null ? '' : ` ${codec.bitrateKbps} kbit/s`;
  return `${CODEC_NAMES[codec.code]}${bitrate}, ${rate}`;
}
