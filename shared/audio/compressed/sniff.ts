/**
 * What a file holds, from its first bytes (never from its name): WAV, one of the compressed
 * formats phones record (docs/formats.md), or a known other kind of file, so that the refusal
 * can say what the content is.
 */

/** Containers Auscult reads. */
export type AudioContainer = 'wav' | 'mp4' | 'ogg' | 'flac' | 'mp3' | 'amr-nb' | 'amr-wb';

/** Known content that is not a recording Auscult reads (the page words each). */
export type OtherContent =
  | 'aac-adts'
  | 'webm'
  | 'aiff'
  | 'zip'
  | 'pdf'
  | 'png'
  | 'jpeg'
  | 'gzip'
  | 'text'
  | 'empty'
  | 'unknown';

export type Sniffed =
  | { readonly kind: 'audio'; readonly container: AudioContainer }
  | { readonly kind: 'other'; readonly what: OtherContent };

/** Bytes `sniffContent` looks at. */
export const SNIFF_BYTES = 64;

const ascii = (bytes: Uint8Array, offset: number, text: string): boolean =>
  bytes.length >= offset + text.length &&
  [...text].every((c, i) => bytes[offset + i] === c.charCodeAt(0));

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/** An MPEG audio layer III frame header at `offset` (sync, a layer-3 code, a valid rate). */
export function isMp3FrameHeader(bytes: Uint8Array, offset = 0): boolean {
  if (bytes.length < offset + 4) return false;
  const [b0, b1, b2] = [bytes[offset], bytes[offset + 1], bytes[offset + 2]];
  const sync = b0 === 0xff && (b1 & 0xe0) === 0xe0;
  const version = (b1 >> 3) & 3;
  const layer = (b1 >> 1) & 3;
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 3;
  return (
    sync &&
    version !== 1 &&
    layer === 1 &&
    bitrateIndex !== 15 &&
    bitrateIndex !== 0 &&
    rateIndex !== 3
  );
}

function audioContainer(head: Uint8Array): AudioContainer | null {
  if (ascii(head, 0, 'RIFF') || ascii(head, 0, 'RF64') || ascii(head, 0, 'BW64')) return 'wav';
  if (ascii(head, 4, 'ftyp')) return 'mp4';
  if (ascii(head, 0, 'OggS')) return 'ogg';
  if (ascii(head, 0, 'fLaC')) return 'flac';
  if (ascii(head, 0, '#!AMR-WB\n')) return 'amr-wb';
  if (ascii(head, 0, '#!AMR\n')) return 'amr-nb';
  if (ascii(head, 0, 'ID3') || isMp3FrameHeader(head)) return 'mp3';
  return null;
}

function looksLikeText(head: Uint8Array): boolean {
  return head.every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b !== 127));
}

function otherContent(head: Uint8Array): OtherContent {
  if (head.length === 0) return 'empty';
  // ADTS: a sync word with layer 00 (AAC without a container, as some recorders write).
  if (head.length >= 2 && head[0] === 0xff && (head[1] & 0xf6) === 0xf0) return 'aac-adts';
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) return 'webm';
  if (ascii(head, 0, 'FORM') && (ascii(head, 8, 'AIFF') || ascii(head, 8, 'AIFC'))) return 'aiff';
  if (ascii(head, 0, 'PK\u0003\u0004')) return 'zip';
  if (ascii(head, 0, '%PDF')) return 'pdf';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47])) return 'png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x1f, 0x8b])) return 'gzip';
  if (looksLikeText(head)) return 'text';
  return 'unknown';
}

/** What the file whose first bytes are `head` (SNIFF_BYTES of them, fewer for a short file) holds. */
export function sniffContent(head: Uint8Array): Sniffed {
  const container = audioContainer(head);
  return container ? { kind: 'audio', container } : { kind: 'other', what: otherContent(head) };
}
