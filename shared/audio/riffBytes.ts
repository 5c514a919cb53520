/** Little-endian field readers and RIFF chunk-id checks shared by the WAV parsing modules. */

export function readU16(bytes: Uint8Array, offset: number): number {
  return bytes[offset] | (bytes[offset + 1] << 8);
}

export function readU32(bytes: Uint8Array, offset: number): number {
  return (
    (bytes[offset] | (bytes[offset + 1] << 8) | (bytes[offset + 2] << 16)) +
    bytes[offset + 3] * 0x1000000
  );
}

/**
 * An unsigned 64-bit little-endian value as a Number, or `null` when it exceeds 2^53 − 1 and so
 * cannot be a byte position a Number (or a file system) can hold exactly.
 */
export function readU64(bytes: Uint8Array, offset: number): number | null {
  const low = readU32(bytes, offset);
  const high = readU32(bytes, offset + 4);
  if (high >= 0x200000) return null;
  return high * 0x100000000 + low;
}

/** Four bytes as Latin-1 text (chunk ids and magic numbers). */
export function readFourCc(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(
    bytes[offset],
    bytes[offset + 1],
    bytes[offset + 2],
    bytes[offset + 3],
  );
}

/** Chunk ids are four printable ASCII characters; anything else means the walk went astray. */
export function isChunkId(bytes: Uint8Array, offset: number): boolean {
  if (offset + 4 > bytes.length) return false;
  for (let i = offset; i < offset + 4; i++) {
    if (bytes[i] < 0x20 || bytes[i] > 0x7e) return false;
  }
  return true;
}

/** A chunk id for a message: printable as is, otherwise as hex bytes. */
export function describeFourCc(bytes: Uint8Array, offset: number): string {
  if (isChunkId(bytes, offset)) return `"${readFourCc(bytes, offset)}"`;
  const hex = Array.from(bytes.subarray(offset, offset + 4), (b) =>
    b.toString(16).padStart(2, '0'),
  );
  return `bytes ${hex.join(' ')}`;
}
