/** A recording's codec in the page's words: "AAC 64 kbit/s, 44.1 kHz", "FLAC, 16 kHz". */
import type { TFunction } from 'i18next';
import type { RecordingSummary } from '../../../shared/api/contract.ts';
import { CODEC_NAMES } from '../../../shared/api/recordingCodec.ts';
import { formatNumber } from '../../format/numbers.ts';

/** The codec cell of a recording row; "WAV (uncompressed)" for WAV files and live recordings. */
export function codecText(recording: Pick<RecordingSummary, 'codec'>, t: TFunction, lang: string) {
  const codec = recording.codec;
  if (!codec) return t('codec.wav');
  const values = {
    // Codec names are proper names, the same in every language.
    codec: CODEC_NAMES[codec.code],
    rateKhz: formatNumber(codec.sampleRateHz / 1000, lang, codec.sampleRateHz % 1000 === 0 ? 0 : 1),
    bitrateKbps:
      codec.bitrateKbps === null
        ? ''
        : formatNumber(codec.bitrateKbps, lang, Number.isInteger(codec.bitrateKbps) ? 0 : 2),
  };
  return t(codec.bitrateKbps === null ? 'codec.summaryLossless' : 'codec.summary', values);
}

/** The hint on a phone recording's codec: what it was decoded from, kept in the library. */
export function originalTitle(
  recording: Pick<RecordingSummary, 'original'>,
  t: TFunction,
  lang: string,
) {
  const original = recording.original;
  if (!original) return undefined;
  const sizeMb = formatNumber(Math.max(0.1, original.sizeBytes / 1e6), lang, 1);
  return t('codec.originalTitle', { format: original.format.toUpperCase(), sizeMb });
}
