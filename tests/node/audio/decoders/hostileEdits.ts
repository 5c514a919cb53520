/**
 * Byte-level edits for the hostile-file tests: the committed fixtures, deterministic noise, and
 * Ogg and MP4 changes that keep everything but the one lie intended (an Ogg page's CRC is
 * rewritten after its edit).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { oggPageCrc } from '../../../../shared/audio/compressed/ogg.ts';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/codecs');

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

/** Deterministic noise bytes. */
export function noise(length: number, seed = 1): Uint8Array {
  let state = seed;
  return Uint8Array.from({ length }, () => {
    state = (state * 1103515245 + 12345) >>> 0;
    return state >>> 24;
  });
}

export const ascii = (text: string) => new TextEncoder().encode(text);
export const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
};

/** Start offsets of the Ogg pages of `bytes`. */
export function oggPages(bytes: Uint8Array): number[] {
  const starts: number[] = [];
  for (let at = 0; at + 27 <= bytes.length;) {
    starts.push(at);
    const segments = bytes[at + 26];
    let size = 27 + segments;
    for (let i = 0; i < segments; i++) size += bytes[at + 27 + i];
    at += size;
  }
  return starts;
}

function oggPageEnd(bytes: Uint8Array, start: number): number {
  const segments = bytes[start + 26];
  let end = start + 27 + segments;
  for (let i = 0; i < segments; i++) end += bytes[start + 27 + i];
  return end;
}

/** Writes the correct CRC into the page at `start`, so only the intended lie remains. */
function fixCrc(bytes: Uint8Array, start: number): Uint8Array {
  const page = bytes.subarray(start, oggPageEnd(bytes, start));
  new DataView(page.buffer, page.byteOffset).setUint32(22, oggPageCrc(page), true);
  return bytes;
}

/** `edit` applied to a copy of the Ogg page at index `page` (negative: from the end), CRC fixed. */
export function editOggPage(
  bytes: Uint8Array,
  page: number,
  edit: (view: DataView, start: number) => void,
) {
  const copy = bytes.slice();
  const pages = oggPages(copy);
  const start = pages[page < 0 ? pages.length + page : page];
  edit(new DataView(copy.buffer), start);
  return fixCrc(copy, start);
}

/** Offset of the content of the first MP4 box of `type` (its header starts 8 bytes earlier). */
export function boxContent(bytes: Uint8Array, type: string): number {
  const at = Buffer.from(bytes).indexOf(type, 0, 'latin1');
  if (at < 4) throw new Error(`no ${type} box`);
  return at + 4;
}

export function editBytes(bytes: Uint8Array, edit: (view: DataView, copy: Uint8Array) => void) {
  const copy = bytes.slice();
  edit(new DataView(copy.buffer), copy);
  return copy;
}

export interface HostileFile {
  /** What is wrong, for the test's name. */
  readonly what: string;
  /** The name it is imported under (its extension may lie). */
  readonly name: string;
  readonly bytes: Uint8Array;
  /** The API reason expected. */
  readonly reason: 'unknown-format' | 'undecodable-codec' | 'damaged-audio' | 'no-audio';
}
