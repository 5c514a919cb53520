/**
 * Test-only builder of WAV byte layouts, well-formed or deliberately broken: chunks with any id,
 * declared size and payload. Written independently of shared/audio so the reader is never
 * checked against its own arithmetic.
 */

export type Bytes = Uint8Array | readonly number[];

export type SampleFormat = 'pcm8' | 'pcm16' | 'pcm24' | 'pcm32' | 'float32' | 'float64';

export const FORMAT_PCM = 0x0001;
export const FORMAT_FLOAT = 0x0003;
export const FORMAT_EXTENSIBLE = 0xfffe;

export function u16(value: number): number[] {
  return [value & 0xff, (value >>> 8) & 0xff];
}

export function u32(value: number): number[] {
  return [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff];
}

/** Unsigned 64-bit little-endian; takes a bigint for values beyond 2^53. */
export function u64(value: number | bigint): number[] {
  const big = BigInt(value);
  return [...u32(Number(big & 0xffffffffn)), ...u32(Number(big >> 32n))];
}

/** Latin-1 bytes of `text` (chunk ids, magic numbers, text files). */
export function ascii(text: string): number[] {
  return Array.from(text, (c) => c.charCodeAt(0) & 0xff);
}

export function concat(...parts: Bytes[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export interface ChunkOptions {
  /** Size field to write instead of the payload length. */
  readonly sizeField?: number;
  /** Add the RIFF pad byte after an odd payload; default true. */
  readonly pad?: boolean;
}

/** One chunk: 4-character id, size field, payload and (for odd payloads) a pad byte. */
export function chunk(id: string, payload: Bytes = [], options: ChunkOptions = {}): Uint8Array {
  const padding = payload.length % 2 === 1 && options.pad !== false ? [0] : [];
  return concat(ascii(id), u32(options.sizeField ?? payload.length), payload, padding);
}

export interface RiffOptions {
  readonly magic?: string;
  readonly form?: string;
  /** RIFF size field; default 4 + the length of the chunks. */
  readonly sizeField?: number;
}

/** A RIFF/RF64/BW64 container around already built chunks. */
export function riff(chunks: readonly Bytes[], options: RiffOptions = {}): Uint8Array {
  const body = concat(...chunks);
  return concat(
    ascii(options.magic ?? 'RIFF'),
    u32(options.sizeField ?? 4 + body.length),
    ascii(options.form ?? 'WAVE'),
    body,
  );
}

export interface FmtSpec {
  readonly formatTag?: number;
  readonly channelCount?: number;
  readonly sampleRateHz?: number;
  readonly bitsPerSample?: number;
  /** Default channelCount × bitsPerSample / 8. */
  readonly blockAlign?: number;
  /** Default sampleRateHz × blockAlign. */
  readonly byteRate?: number;
}

/** The 16-byte WAVEFORMAT payload; defaults: PCM, mono, 48 kHz, 16 bit. */
export function fmtPayload(spec: FmtSpec = {}): number[] {
  const channelCount = spec.channelCount ?? 1;
  const sampleRateHz = spec.sampleRateHz ?? 48_000;
  const bitsPerSample = spec.bitsPerSample ?? 16;
  const blockAlign = spec.blockAlign ?? (channelCount * bitsPerSample) / 8;
  return [
    ...u16(spec.formatTag ?? FORMAT_PCM),
    ...u16(channelCount),
    ...u32(sampleRateHz),
    ...u32(spec.byteRate ?? sampleRateHz * blockAlign),
    ...u16(blockAlign),
    ...u16(bitsPerSample),
  ];
}

/** KSDATAFORMAT_SUBTYPE GUID of a WAVE format code (PCM 1, IEEE float 3). */
export function subFormatGuid(code: number): number[] {
  return [...u32(code), 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71];
}

export interface ExtensibleSpec extends FmtSpec {
  readonly cbSize?: number;
  readonly validBits?: number;
  readonly channelMask?: number;
  /** A format code (wrapped in the KSDATAFORMAT GUID) or 16 raw GUID bytes. */
  readonly subFormat?: number | readonly number[];
}

/** The 40-byte WAVE_FORMAT_EXTENSIBLE payload. */
export function extensibleFmtPayload(spec: ExtensibleSpec = {}): number[] {
  const subFormat = spec.subFormat ?? FORMAT_PCM;
  return [
    ...fmtPayload({ ...spec, formatTag: FORMAT_EXTENSIBLE }),
    ...u16(spec.cbSize ?? 22),
    ...u16(spec.validBits ?? spec.bitsPerSample ?? 16),
    ...u32(spec.channelMask ?? 0),
    ...(typeof subFormat === 'number' ? subFormatGuid(subFormat) : subFormat),
  ];
}

export interface Ds64Spec {
  readonly riffSize: number | bigint;
  readonly dataSize: number | bigint;
  readonly sampleCount: number | bigint;
  readonly table?: readonly { readonly id: string; readonly size: number | bigint }[];
  /** Table length field; default the number of entries. */
  readonly tableLength?: number;
}

export function ds64Payload(spec: Ds64Spec): number[] {
  const table = spec.table ?? [];
  return [
    ...u64(spec.riffSize),
    ...u64(spec.dataSize),
    ...u64(spec.sampleCount),
    ...u32(spec.tableLength ?? table.length),
    ...table.flatMap((entry) => [...ascii(entry.id), ...u64(entry.size)]),
  ];
}

export const SAMPLE_FORMATS: Record<
  SampleFormat,
  { formatTag: number; bitsPerSample: number; bytesPerSample: number }
> = {
  pcm8: { formatTag: FORMAT_PCM, bitsPerSample: 8, bytesPerSample: 1 },
  pcm16: { formatTag: FORMAT_PCM, bitsPerSample: 16, bytesPerSample: 2 },
  pcm24: { formatTag: FORMAT_PCM, bitsPerSample: 24, bytesPerSample: 3 },
  pcm32: { formatTag: FORMAT_PCM, bitsPerSample: 32, bytesPerSample: 4 },
  float32: { formatTag: FORMAT_FLOAT, bitsPerSample: 32, bytesPerSample: 4 },
  float64: { formatTag: FORMAT_FLOAT, bitsPerSample: 64, bytesPerSample: 8 },
};

/**
 * Sample bytes of `values`: raw integer codes for PCM (8-bit unsigned 0..255, others signed),
 * float values for float formats.
 */
export function sampleBytes(format: SampleFormat, values: readonly number[]): Uint8Array {
  const { bytesPerSample } = SAMPLE_FORMATS[format];
  const out = new Uint8Array(values.length * bytesPerSample);
  const view = new DataView(out.buffer);
  values.forEach((value, i) => {
    const at = i * bytesPerSample;
    if (format === 'pcm8') view.setUint8(at, value);
    else if (format === 'pcm16') view.setInt16(at, value, true);
    else if (format === 'pcm24') {
      view.setUint16(at, value & 0xffff, true);
      view.setInt8(at + 2, value >> 16);
    } else if (format === 'pcm32') view.setInt32(at, value, true);
    else if (format === 'float32') view.setFloat32(at, value, true);
    else view.setFloat64(at, value, true);
  });
  return out;
}

export interface SimpleWavSpec {
  readonly format: SampleFormat;
  readonly channelCount?: number;
  readonly sampleRateHz?: number;
  /** Interleaved samples, encoded by `sampleBytes`. */
  readonly samples: readonly number[];
  readonly extensible?: boolean;
}

/** A well-formed WAV file: fmt then data. */
export function simpleWav(spec: SimpleWavSpec): Uint8Array {
  const { formatTag, bitsPerSample } = SAMPLE_FORMATS[spec.format];
  const fmtSpec = {
    formatTag,
    bitsPerSample,
    channelCount: spec.channelCount ?? 1,
    sampleRateHz: spec.sampleRateHz ?? 48_000,
  };
  const fmt = spec.extensible
    ? extensibleFmtPayload({ ...fmtSpec, subFormat: formatTag })
    : fmtPayload(fmtSpec);
  return riff([chunk('fmt ', fmt), chunk('data', sampleBytes(spec.format, spec.samples))]);
}
