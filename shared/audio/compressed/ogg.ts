/**
 * Checking an Ogg file before its audio is decoded (RFC 3533): every page where the one before
 * ends, whole, with a correct CRC, one logical stream from its first page to its last (which
 * carries the end-of-stream flag), Opus (RFC 7845) or Vorbis in it, and a plausible duration.
 */
import { CompressedFormatError, damaged, noAudio } from './formatError.ts';
import { MAX_CHANNELS, MAX_DURATION_SECONDS, MAX_SAMPLE_RATE_HZ } from './limits.ts';

export interface OggInfo {
  readonly codec: 'opus' | 'vorbis';
  /** The rate the decoder gives: 48 kHz for Opus, the header's for Vorbis. */
  readonly sampleRateHz: number;
  readonly channelCount: number;
  /** From the last page's granule position. */
  readonly durationSeconds: number;
  /** Bytes of packet data (pages' headers left out), for the average bit rate. */
  readonly payloadBytes: number;
}

const FORMAT = 'Ogg';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i << 24;
    for (let k = 0; k < 8; k++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
    table[i] = r >>> 0;
  }
  return table;
})();

/** The Ogg CRC of `page` with its checksum field (bytes 22..25) taken as zero. */
export function oggPageCrc(page: Uint8Array): number {
  let crc = 0;
  for (let i = 0; i < page.length; i++) {
    const byte = i >= 22 && i < 26 ? 0 : page[i];
    crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ byte) & 0xff]) >>> 0;
  }
  return crc;
}

interface Page {
  readonly headerType: number;
  readonly granule: bigint;
  readonly serial: number;
  readonly payload: Uint8Array;
  readonly end: number;
}

function readPage(bytes: Uint8Array, offset: number, index: number): Page {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (offset + 27 > bytes.length) throw damaged(FORMAT, `page ${index} is cut off`);
  const magic = String.fromCharCode(...bytes.subarray(offset, offset + 4));
  if (magic !== 'OggS') throw damaged(FORMAT, `page ${index} does not start with OggS`);
  if (bytes[offset + 4] !== 0) throw damaged(FORMAT, `page ${index} has an unknown version`);
  const segments = bytes[offset + 26];
  const tableEnd = offset + 27 + segments;
  if (tableEnd > bytes.length) throw damaged(FORMAT, `page ${index} is cut off`);
  let payloadSize = 0;
  for (let i = offset + 27; i < tableEnd; i++) payloadSize += bytes[i];
  const end = tableEnd + payloadSize;
  if (end > bytes.length) throw damaged(FORMAT, `page ${index} is cut off`);
  if (oggPageCrc(bytes.subarray(offset, end)) !== view.getUint32(offset + 22, true)) {
    throw damaged(FORMAT, `page ${index} fails its checksum`);
  }
  return {
    headerType: bytes[offset + 5],
    granule: view.getBigInt64(offset + 6, true),
    serial: view.getUint32(offset + 14, true),
    payload: bytes.subarray(tableEnd, end),
    end,
  };
}

interface StreamHead {
  readonly codec: 'opus' | 'vorbis';
  readonly sampleRateHz: number;
  readonly channelCount: number;
  /** Opus: samples at 48 kHz the decoder drops at the start. */
  readonly preSkip: number;
}

const startsWithText = (bytes: Uint8Array, text: string): boolean =>
  bytes.length >= text.length && [...text].every((c, i) => bytes[i] === c.charCodeAt(0));

function streamHead(packet: Uint8Array): StreamHead {
  const view = new DataView(packet.buffer, packet.byteOffset, packet.byteLength);
  if (startsWithText(packet, 'OpusHead') && packet.length >= 19) {
    return {
      codec: 'opus',
      sampleRateHz: 48_000,
      channelCount: packet[9],
      preSkip: view.getUint16(10, true),
    };
  }
  if (startsWithText(packet, '\u0001vorbis') && packet.length >= 30) {
    return {
      codec: 'vorbis',
      sampleRateHz: view.getUint32(12, true),
      channelCount: packet[11],
      preSkip: 0,
    };
  }
  const codec = startsWithText(packet, '\u007fFLAC')
    ? 'flac-in-ogg'
    : startsWithText(packet, 'Speex')
      ? 'speex'
      : 'unknown';
  const what = codec === 'unknown' ? 'audio in a codec Auscult does not know' : `${codec} audio`;
  throw new CompressedFormatError(
    'undecodable-codec',
    `the Ogg file holds ${what}, which cannot be decoded here`,
    { codec },
  );
}

function checkHead(head: StreamHead): void {
  if (head.channelCount < 1 || head.channelCount > MAX_CHANNELS) {
    throw damaged(FORMAT, `its header declares ${head.channelCount} channels`);
  }
  if (head.sampleRateHz < 1 || head.sampleRateHz > MAX_SAMPLE_RATE_HZ) {
    throw damaged(FORMAT, `its header declares a sample rate of ${head.sampleRateHz} Hz`);
  }
}

/** Checks the Ogg file `bytes`; throws CompressedFormatError for anything Auscult cannot use. */
export function checkOgg(bytes: Uint8Array): OggInfo {
  let offset = 0;
  let head: StreamHead | null = null;
  let serial = -1;
  let payloadBytes = 0;
  let last: Page | null = null;
  for (let index = 0; offset < bytes.length; index++) {
    const page = readPage(bytes, offset, index);
    if (index === 0) {
      if (!(page.headerType & 2)) throw damaged(FORMAT, 'its first page does not begin a stream');
      head = streamHead(page.payload);
      checkHead(head);
      serial = page.serial;
    } else if (page.serial !== serial) {
      throw damaged(FORMAT, 'it holds more than one stream');
    }
    if (last && last.headerType & 4) throw damaged(FORMAT, 'pages follow the end of its stream');
    payloadBytes += page.payload.length;
    last = page;
    offset = page.end;
  }
  if (!head || !last) throw noAudio(FORMAT);
  if (!(last.headerType & 4)) throw damaged(FORMAT, 'it ends before its last page (cut off)');
  const samples = Number(last.granule) - head.preSkip;
  const durationSeconds = samples / head.sampleRateHz;
  if (last.granule <= 0n || samples <= 0) throw noAudio(FORMAT);
  if (durationSeconds > MAX_DURATION_SECONDS) {
    throw damaged(FORMAT, `it declares a duration of ${Math.round(durationSeconds)} s`);
  }
  return { ...head, durationSeconds, payloadBytes };
}
