/**
 * Random access to the bytes of a file, an upload or a buffer, without holding all of it.
 *
 * The WAV reader works only through this interface so a multi-gigabyte recording is read in
 * blocks: Node implements it over a file handle (node/audio/fileByteSource.ts), the browser can
 * implement it over a `Blob`, tests and small files use `memoryByteSource`.
 */
export interface ByteSource {
  /** Total length in bytes, fixed when the source was opened. */
  readonly sizeBytes: number;
  /**
   * Reads `lengthBytes` bytes starting at `offsetBytes`. Returns fewer bytes only where the
   * source ends (none at or past its end). The caller must not modify the returned bytes: a
   * source may hand out a view of its own storage.
   */
  read(offsetBytes: number, lengthBytes: number): Promise<Uint8Array>;
}

/**
 * A `ByteSource` over bytes already in memory. `read` returns views (no copy) of `bytes`, which
 * must stay unchanged while the source is used.
 */
export function memoryByteSource(bytes: Uint8Array): ByteSource {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('bytes must be a Uint8Array');
  return {
    sizeBytes: bytes.length,
    read(offsetBytes: number, lengthBytes: number): Promise<Uint8Array> {
      checkReadArguments(offsetBytes, lengthBytes);
      const start = Math.min(offsetBytes, bytes.length);
      const end = Math.min(offsetBytes + lengthBytes, bytes.length);
      return Promise.resolve(bytes.subarray(start, end));
    },
  };
}

/** Throws a RangeError unless both arguments are non-negative safe integers. */
export function checkReadArguments(offsetBytes: number, lengthBytes: number): void {
  if (!Number.isSafeInteger(offsetBytes) || offsetBytes < 0) {
    throw new RangeError(`offsetBytes must be a non-negative integer, got ${offsetBytes}`);
  }
  if (!Number.isSafeInteger(lengthBytes) || lengthBytes < 0) {
    throw new RangeError(`lengthBytes must be a non-negative integer, got ${lengthBytes}`);
  }
}
