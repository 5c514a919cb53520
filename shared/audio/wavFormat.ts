/**
 * Parsing and checking the `fmt ` chunk: WAVEFORMATEX (PCM 0x0001, IEEE float 0x0003) and
 * WAVE_FORMAT_EXTENSIBLE (0xFFFE) with a PCM or float subformat GUID.
 *
 * Byte rate (average bytes per second) is only informative: readers compute positions from the
 * block align, so a wrong byte rate is a warning, not an error. A wrong block align is an error,
 * because it leaves no way to know where a frame starts.
 */
import { WavFormatError } from './wavErrors.ts';
import { readU16, readU32 } from './riffBytes.ts';

export type WavEncoding = 'pcm' | 'float';

export interface WavFormat {
  readonly encoding: WavEncoding;
  readonly bitsPerSample: number;
  readonly channelCount: number;
  readonly sampleRateHz: number;
  readonly blockAlignBytes: number;
  /** True for WAVE_FORMAT_EXTENSIBLE. */
  readonly extensible: boolean;
  /** Speaker positions bit mask of WAVE_FORMAT_EXTENSIBLE, null for plain formats. */
  readonly channelMask: number | null;
}

export const MIN_SAMPLE_RATE_HZ = 1_000;
export const MAX_SAMPLE_RATE_HZ = 768_000;
export const MAX_CHANNEL_COUNT = 32;
const SUPPORTED_BITS: Record<WavEncoding, readonly number[]> = {
  pcm: [8, 16, 24, 32],
  float: [32, 64],
};
/** Bytes 4..15 shared by every KSDATAFORMAT_SUBTYPE_* GUID of a WAVE format code. */
const KSDATAFORMAT_GUID_TAIL = [
  0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71,
];
const ENCODING_NAMES: Record<number, string> = {
  0x0000: 'unknown format 0',
  0x0002: 'Microsoft ADPCM',
  0x0006: 'A-law',
  0x0007: 'µ-law',
  0x0011: 'IMA ADPCM',
  0x0031: 'GSM 6.10',
  0x0050: 'MPEG audio',
  0x0055: 'MP3',
  0x00ff: 'AAC',
  0x0161: 'Windows Media Audio',
  0x1610: 'AAC (ADTS)',
  0xf1ac: 'FLAC',
};

/**
 * Reads the format from the first bytes of a fmt chunk's payload.
 * @param payload at least the first min(declared size, 40) bytes of the payload
 * @param chunkOffsetBytes where the fmt chunk header starts, for error offsets
 * @param declaredSizeBytes the chunk's declared payload size
 * @param warnings receives non-fatal oddities (byte rate, valid bits)
 */
export function parseFmtChunk(
  payload: Uint8Array,
  chunkOffsetBytes: number,
  declaredSizeBytes: number,
  warnings: string[],
): WavFormat {
  const base = chunkOffsetBytes + 8;
  if (declaredSizeBytes < 16) {
    throw new WavFormatError(
      'fmt-too-small',
      chunkOffsetBytes,
      `the fmt chunk is ${declaredSizeBytes} bytes long; it needs at least 16`,
    );
  }
  const formatTag = readU16(payload, 0);
  const { encoding, channelMask } = resolveEncoding(payload, formatTag, base, declaredSizeBytes);
  const channelCount = readU16(payload, 2);
  const sampleRateHz = readU32(payload, 4);
  const byteRate = readU32(payload, 8);
  const blockAlignBytes = readU16(payload, 12);
  const bitsPerSample = readU16(payload, 14);
  if (channelCount === 0 || channelCount > MAX_CHANNEL_COUNT) {
    throw new WavFormatError(
      'invalid-channel-count',
      base + 2,
      `${channelCount} channels; a WAV file needs 1 to ${MAX_CHANNEL_COUNT}`,
    );
  }
  if (sampleRateHz < MIN_SAMPLE_RATE_HZ || sampleRateHz > MAX_SAMPLE_RATE_HZ) {
    throw new WavFormatError(
      'unsupported-sample-rate',
      base + 4,
      `a sample rate of ${sampleRateHz} Hz; supported are ${MIN_SAMPLE_RATE_HZ} Hz to ${MAX_SAMPLE_RATE_HZ} Hz`,
    );
  }
  if (!SUPPORTED_BITS[encoding].includes(bitsPerSample)) {
    throw new WavFormatError(
      'unsupported-bit-depth',
      base + 14,
      `${bitsPerSample} bits per sample for ${encoding === 'pcm' ? 'PCM' : 'float'}; ` +
        `supported are ${SUPPORTED_BITS[encoding].join(', ')}`,
    );
  }
  const expectedAlign = (channelCount * bitsPerSample) / 8;
  if (blockAlignBytes !== expectedAlign) {
    throw new WavFormatError(
      'block-align-mismatch',
      base + 12,
      `a block align of ${blockAlignBytes} bytes, but ${channelCount} channels of ` +
        `${bitsPerSample} bits take ${expectedAlign}`,
    );
  }
  if (byteRate !== sampleRateHz * blockAlignBytes) {
    warnings.push(
      `the fmt chunk's byte rate is ${byteRate}, not ${sampleRateHz * blockAlignBytes} ` +
        `(sample rate × block align); ignored`,
    );
  }
  if (formatTag === 0xfffe) checkValidBits(payload, bitsPerSample, warnings);
  return {
    encoding,
    bitsPerSample,
    channelCount,
    sampleRateHz,
    blockAlignBytes,
    extensible: formatTag === 0xfffe,
    channelMask,
  };
}

function resolveEncoding(
  payload: Uint8Array,
  formatTag: number,
  base: number,
  declaredSizeBytes: number,
): { encoding: WavEncoding; channelMask: number | null } {
  if (formatTag === 0x0001) return { encoding: 'pcm', channelMask: null };
  if (formatTag === 0x0003) return { encoding: 'float', channelMask: null };
  if (formatTag !== 0xfffe) throw unsupportedEncoding(formatTag, base, 'format code');
  if (declaredSizeBytes < 18) {
    throw new WavFormatError(
      'extensible-too-small',
      base - 8,
      `a WAVE_FORMAT_EXTENSIBLE fmt chunk of ${declaredSizeBytes} bytes; it needs 40`,
    );
  }
  const extensionSize = readU16(payload, 16);
  if (extensionSize < 22) {
    throw new WavFormatError(
      'extensible-too-small',
      base + 16,
      `WAVE_FORMAT_EXTENSIBLE with ${extensionSize} extension bytes (cbSize); it needs 22`,
    );
  }
  if (declaredSizeBytes < 40) {
    throw new WavFormatError(
      'extensible-too-small',
      base - 8,
      `a WAVE_FORMAT_EXTENSIBLE fmt chunk of ${declaredSizeBytes} bytes; it needs 40`,
    );
  }
  const guidTailMatches = KSDATAFORMAT_GUID_TAIL.every((b, i) => payload[28 + i] === b);
  const subFormat = readU32(payload, 24);
  if (!guidTailMatches || subFormat > 0xffff) {
    throw new WavFormatError(
      'unknown-subformat',
      base + 24,
      `WAVE_FORMAT_EXTENSIBLE with subformat GUID ${formatGuid(payload.subarray(24, 40))}, ` +
        'which is neither PCM nor IEEE float',
    );
  }
  const channelMask = readU32(payload, 20);
  if (subFormat === 0x0001) return { encoding: 'pcm', channelMask };
  if (subFormat === 0x0003) return { encoding: 'float', channelMask };
  throw unsupportedEncoding(subFormat, base + 24, 'subformat');
}

function unsupportedEncoding(code: number, byteOffset: number, what: string): WavFormatError {
  const hex = `0x${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = ENCODING_NAMES[code] ?? 'an unknown codec';
  return new WavFormatError(
    'unsupported-encoding',
    byteOffset,
    `unsupported encoding: ${what} ${hex} (${name}); only PCM and IEEE float WAV files can be ` +
      'read, convert the file first',
  );
}

function checkValidBits(payload: Uint8Array, bitsPerSample: number, warnings: string[]): void {
  const validBits = readU16(payload, 18);
  if (validBits > bitsPerSample) {
    warnings.push(
      `WAVE_FORMAT_EXTENSIBLE declares ${validBits} valid bits in ${bitsPerSample}-bit samples; ` +
        `decoded as ${bitsPerSample}-bit`,
    );
  }
}

/** A GUID in its usual text form (the first three groups are little-endian). */
function formatGuid(bytes: Uint8Array): string {
  const hex = (from: number, to: number, reverse: boolean): string => {
    const part = Array.from(bytes.subarray(from, to), (b) => b.toString(16).padStart(2, '0'));
    return (reverse ? part.reverse() : part).join('');
  };
  return [hex(0, 4, true), hex(4, 6, true), hex(6, 8, true), hex(8, 10, false), hex(10, 16, false)]
    .join('-')
    .toUpperCase();
}
