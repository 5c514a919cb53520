/**
 * Reading ISO base media (MP4, M4A, 3GP) boxes from a whole file in memory: every box must lie
 * inside its parent, so a box that claims more bytes than there are is refused, not followed.
 */
import { damaged } from './formatError.ts';

export const MP4_FORMAT = 'MP4';

export interface Box {
  readonly type: string;
  /** Where its content starts and ends in the file. */
  readonly start: number;
  readonly end: number;
}

/** Boxes nested below this depth are not looked into (a loop of boxes is refused). */
const MAX_BOXES = 100_000;

export class Mp4Reader {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  #boxCount = 0;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  u8 = (at: number): number => this.#checked(at, 1, () => this.view.getUint8(at));
  u16 = (at: number): number => this.#checked(at, 2, () => this.view.getUint16(at));
  u32 = (at: number): number => this.#checked(at, 4, () => this.view.getUint32(at));
  u64 = (at: number): number => this.#checked(at, 8, () => Number(this.view.getBigUint64(at)));
  fourcc = (at: number): string =>
    this.#checked(at, 4, () => String.fromCharCode(...this.bytes.subarray(at, at + 4)));

  #checked<T>(at: number, size: number, read: () => T): T {
    if (at < 0 || at + size > this.bytes.length) throw damaged(MP4_FORMAT, 'a box is cut off');
    return read();
  }

  /** The boxes directly inside [start, end). */
  children(start: number, end: number): Box[] {
    const boxes: Box[] = [];
    for (let at = start; at < end;) {
      if (at + 8 > end) throw damaged(MP4_FORMAT, 'a box header is cut off');
      let size = this.u32(at);
      const type = this.fourcc(at + 4);
      let header = 8;
      if (size === 1) {
        size = this.u64(at + 8);
        header = 16;
      } else if (size === 0) {
        size = end - at;
      }
      if (size < header || at + size > end) {
        const past =
          end === this.bytes.length ? 'the end of the file (cut off?)' : 'its parent box';
        throw damaged(
          MP4_FORMAT,
          `its '${printable(type)}' box claims ${size} bytes, past ${past}`,
        );
      }
      if (++this.#boxCount > MAX_BOXES) throw damaged(MP4_FORMAT, 'it holds too many boxes');
      boxes.push({ type, start: at + header, end: at + size });
      at += size;
    }
    return boxes;
  }

  /** The first box of `type` inside `parent`, or null. */
  child(parent: Box, type: string): Box | null {
    return this.children(parent.start, parent.end).find((b) => b.type === type) ?? null;
  }

  /** The box at `path` below `parent` (['mdia', 'minf', 'stbl']); throws when one is missing. */
  require(parent: Box, path: readonly string[]): Box {
    let box = parent;
    for (const type of path) {
      const next = this.child(box, type);
      if (!next) throw damaged(MP4_FORMAT, `it has no '${type}' box`);
      box = next;
    }
    return box;
  }
}

/** A box type as text that can be shown (its bytes may be anything). */
function printable(type: string): string {
  return type.replace(/[^\x20-\x7e]/g, '?');
}
