/**
 * The audio track of an MP4 file (M4A from iPhones and Android recorders, 3GP from call
 * recorders): its codec, rate, channels, duration and where each of its samples lies. Nothing
 * is decoded here; every table is checked against the file first.
 */
import { CompressedFormatError, damaged, noAudio } from './formatError.ts';
import { MAX_CHANNELS, MAX_DURATION_SECONDS } from './limits.ts';
import { MP4_FORMAT, Mp4Reader } from './mp4Boxes.ts';
import type { Box } from './mp4Boxes.ts';

export type Mp4Codec = 'aac' | 'mp3' | 'amr-nb' | 'amr-wb';

export interface Mp4Audio {
  readonly codec: Mp4Codec;
  /** 'm4a' or '3gp', from the file's brand. */
  readonly container: 'm4a' | '3gp';
  readonly sampleRateHz: number;
  readonly channelCount: number;
  readonly durationSeconds: number;
  /**
   * The AAC track's AudioSpecificConfig (the 'esds' box's DecoderSpecificInfo), or null: it may
   * signal SBR, whose decoder outputs twice the rate the sample entry holds (aacTrack.ts).
   */
  readonly audioSpecificConfig: Uint8Array | null;
  /** Byte offset and size of each sample, in order. */
  readonly sampleOffsets: readonly number[];
  readonly sampleSizes: readonly number[];
}

/** More samples than 24 hours of 20 ms AMR frames, or of 1024-sample AAC frames at 96 kHz. */
const MAX_SAMPLES = 10_000_000;

function isAudioTrack(reader: Mp4Reader, trak: Box): boolean {
  const hdlr = reader.child(reader.require(trak, ['mdia']), 'hdlr');
  return hdlr !== null && reader.fourcc(hdlr.start + 8) === 'soun';
}

function durationSeconds(reader: Mp4Reader, mdhd: Box): number {
  const version = reader.u8(mdhd.start);
  const timescale = reader.u32(mdhd.start + (version === 1 ? 20 : 12));
  const duration = version === 1 ? reader.u64(mdhd.start + 24) : reader.u32(mdhd.start + 16);
  if (timescale === 0) throw damaged(MP4_FORMAT, 'its track has a time scale of 0');
  const seconds = duration / timescale;
  if (seconds > MAX_DURATION_SECONDS) {
    throw damaged(MP4_FORMAT, `it declares a duration of ${Math.round(seconds)} s`);
  }
  return seconds;
}

/** A descriptor's length (1–4 bytes of 7 bits each) at `at`, and the bytes it took. */
function descriptorLength(bytes: Uint8Array, at: number): { length: number; lengthBytes: number } {
  let length = 0;
  let lengthBytes = 0;
  let more = true;
  while (more && lengthBytes < 4) {
    const byte = bytes[at + lengthBytes] ?? 0;
    length = length * 128 + (byte & 0x7f);
    more = (byte & 0x80) !== 0;
    lengthBytes++;
  }
  return { length, lengthBytes };
}

/**
 * Where the ES_Descriptor (tag 3) at the start of an 'esds' box's payload holds its
 * DecoderConfigDescriptor: past the ES_ID and the optional fields its flags announce
 * (ISO 14496-1, 7.2.6.5). Read field by field: an ES_ID such as 0x0004 holds the config's tag.
 */
function decoderConfigAt(bytes: Uint8Array, esds: Box): number {
  let at = esds.start + 4; // version and flags
  if (bytes[at] !== 3) return -1;
  at += 1 + descriptorLength(bytes, at + 1).lengthBytes + 2; // tag, length, ES_ID
  const flags = bytes[at++] ?? 0;
  if (flags & 0x80) at += 2; // dependsOn_ES_ID
  if (flags & 0x40) at += 1 + (bytes[at] ?? 0); // URL
  if (flags & 0x20) at += 2; // OCR_ES_Id
  return at < esds.end && bytes[at] === 4 ? at : -1;
}

/** The MPEG-4 object type in an 'esds' box (0x40: AAC; 0x69, 0x6b: MP3); -1 when absent. */
function objectType(bytes: Uint8Array, esds: Box): number {
  const at = decoderConfigAt(bytes, esds);
  if (at < 0) return -1;
  const typeAt = at + 1 + descriptorLength(bytes, at + 1).lengthBytes;
  return typeAt < esds.end ? bytes[typeAt] : -1;
}

/**
 * The DecoderSpecificInfo (tag 5) that follows the DecoderConfigDescriptor's (tag 4) 13 bytes
 * of fixed fields in an 'esds' box, or null when there is none inside the box.
 */
function decoderSpecificInfo(bytes: Uint8Array, esds: Box): Uint8Array | null {
  const at = decoderConfigAt(bytes, esds);
  if (at < 0) return null;
  const config = descriptorLength(bytes, at + 1);
  const info = at + 1 + config.lengthBytes + 13;
  if (info + 2 > esds.end || bytes[info] !== 5) return null;
  const { length, lengthBytes } = descriptorLength(bytes, info + 1);
  const start = info + 1 + lengthBytes;
  return length > 0 && start + length <= esds.end ? bytes.subarray(start, start + length) : null;
}

/** The 'mp4a' entry's AudioSpecificConfig, or null when it has none. */
function audioSpecificConfig(reader: Mp4Reader, bytes: Uint8Array, entry: Box) {
  if (entry.type !== 'mp4a') return null;
  const esds = reader.children(entry.start + 28, entry.end).find((b) => b.type === 'esds');
  return esds ? decoderSpecificInfo(bytes, esds) : null;
}

function sampleEntryCodec(reader: Mp4Reader, bytes: Uint8Array, entry: Box): Mp4Codec {
  const type = entry.type;
  if (type === 'samr') return 'amr-nb';
  if (type === 'sawb') return 'amr-wb';
  if (type === '.mp3') return 'mp3';
  if (type === 'mp4a') {
    const esds = reader.children(entry.start + 28, entry.end).find((b) => b.type === 'esds');
    const object = esds ? objectType(bytes, esds) : 0x40;
    if (object === 0x69 || object === 0x6b) return 'mp3';
    if (object === 0x40 || (object >= 0x66 && object <= 0x68)) return 'aac';
  }
  const codec = type.replace(/[^\x20-\x7e]/g, '?').trim() || 'unknown';
  throw new CompressedFormatError(
    'undecodable-codec',
    `the MP4 file holds '${codec}' audio, which cannot be decoded here`,
    { codec },
  );
}

function sampleSizes(reader: Mp4Reader, stsz: Box): number[] {
  const fixed = reader.u32(stsz.start + 4);
  const count = reader.u32(stsz.start + 8);
  if (count > MAX_SAMPLES) throw damaged(MP4_FORMAT, `it declares ${count} samples`);
  if (fixed !== 0) return new Array<number>(count).fill(fixed);
  if (stsz.start + 12 + 4 * count > stsz.end)
    throw damaged(MP4_FORMAT, 'its sample sizes are cut off');
  return Array.from({ length: count }, (_, i) => reader.u32(stsz.start + 12 + 4 * i));
}

function chunkOffsets(reader: Mp4Reader, stbl: Box): number[] {
  const co64 = reader.child(stbl, 'co64');
  const table = co64 ?? reader.require(stbl, ['stco']);
  const width = co64 ? 8 : 4;
  const count = reader.u32(table.start + 4);
  if (table.start + 8 + width * count > table.end)
    throw damaged(MP4_FORMAT, 'its chunk table is cut off');
  const read = co64 ? reader.u64 : reader.u32;
  return Array.from({ length: count }, (_, i) => read(table.start + 8 + width * i));
}

/** Offsets of every sample from the sample-to-chunk table, each checked against the file. */
function sampleOffsets(reader: Mp4Reader, stbl: Box, sizes: readonly number[]): number[] {
  const stsc = reader.require(stbl, ['stsc']);
  const runs = reader.u32(stsc.start + 4);
  if (stsc.start + 8 + 12 * runs > stsc.end) throw damaged(MP4_FORMAT, 'its chunk map is cut off');
  const chunks = chunkOffsets(reader, stbl);
  const offsets: number[] = [];
  for (let run = 0; run < runs && offsets.length < sizes.length; run++) {
    const firstChunk = reader.u32(stsc.start + 8 + 12 * run) - 1;
    const nextFirst = run + 1 < runs ? reader.u32(stsc.start + 20 + 12 * run) - 1 : chunks.length;
    const perChunk = reader.u32(stsc.start + 12 + 12 * run);
    if (firstChunk < 0 || nextFirst > chunks.length || perChunk === 0) {
      throw damaged(MP4_FORMAT, 'its chunk map is inconsistent');
    }
    for (let chunk = firstChunk; chunk < nextFirst && offsets.length < sizes.length; chunk++) {
      let at = chunks[chunk];
      for (let k = 0; k < perChunk && offsets.length < sizes.length; k++) {
        const size = sizes[offsets.length];
        if (size === 0) throw damaged(MP4_FORMAT, `sample ${offsets.length} is empty`);
        if (at + size > reader.bytes.length) {
          throw damaged(MP4_FORMAT, 'its samples run past the end of the file (cut off)');
        }
        offsets.push(at);
        at += size;
      }
    }
  }
  if (offsets.length < sizes.length) throw damaged(MP4_FORMAT, 'its chunk map misses samples');
  return offsets;
}

/** The first audio track of the MP4 file `bytes`; throws CompressedFormatError. */
export function readMp4Audio(bytes: Uint8Array): Mp4Audio {
  const reader = new Mp4Reader(bytes);
  const top = reader.children(0, bytes.length);
  const brand = reader.fourcc(top[0].start);
  const moov = top.find((b) => b.type === 'moov');
  if (!moov) throw damaged(MP4_FORMAT, "it has no 'moov' box (an unfinished recording?)");
  const trak = reader
    .children(moov.start, moov.end)
    .find((b) => b.type === 'trak' && isAudioTrack(reader, b));
  if (!trak) throw noAudio(MP4_FORMAT);
  const mdia = reader.require(trak, ['mdia']);
  const stbl = reader.require(mdia, ['minf', 'stbl']);
  const stsd = reader.require(stbl, ['stsd']);
  const [entry] = reader.children(stsd.start + 8, stsd.end);
  if (!entry) throw damaged(MP4_FORMAT, 'its audio track has no sample description');
  const codec = sampleEntryCodec(reader, bytes, entry);
  const channelCount = reader.u16(entry.start + 16);
  const sampleRateHz = reader.u32(entry.start + 24) >>> 16;
  if (channelCount < 1 || channelCount > MAX_CHANNELS) {
    throw damaged(MP4_FORMAT, `its header declares ${channelCount} channels`);
  }
  const sizes = sampleSizes(reader, reader.require(stbl, ['stsz']));
  if (sizes.length === 0) throw noAudio(MP4_FORMAT);
  return {
    codec,
    container: brand.startsWith('3g') ? '3gp' : 'm4a',
    sampleRateHz,
    channelCount,
    durationSeconds: durationSeconds(reader, reader.require(mdia, ['mdhd'])),
    audioSpecificConfig: codec === 'aac' ? audioSpecificConfig(reader, bytes, entry) : null,
    sampleOffsets: sampleOffsets(reader, stbl, sizes),
    sampleSizes: sizes,
  };
}
