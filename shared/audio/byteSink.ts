/**
 * Where the streaming WAV writer puts its bytes: a file in Node (node/audio/fileByteSink.ts),
 * memory here. Positional writes, because the writer goes back to offset 0 to rewrite the header.
 */

export interface ByteSink {
  /**
   * Writes all of `bytes` at `offsetBytes`, growing the sink if needed. The sink must not keep a
   * reference to `bytes` after the promise settles (the writer reuses nothing, but callers may).
   */
  write(offsetBytes: number, bytes: Uint8Array): Promise<void>;
  /** Makes everything written so far durable (fsync for files). */
  sync(): Promise<void>;
  /** Releases the sink. Called once, by the writer's `finalize()`. */
  close(): Promise<void>;
}

/** An in-memory sink, also useful in tests. `bytes()` returns a copy of the current content. */
export interface MemoryByteSink extends ByteSink {
  readonly sizeBytes: number;
  readonly closed: boolean;
  bytes(): Uint8Array;
}

/** A growable in-memory ByteSink (doubling capacity, so appends cost amortised O(1)). */
export function memoryByteSink(): MemoryByteSink {
  let store = new Uint8Array(1024);
  let size = 0;
  let closed = false;
  return {
    get sizeBytes() {
      return size;
    },
    get closed() {
      return closed;
    },
    async write(offsetBytes, bytes) {
      if (closed) throw new Error('memoryByteSink: write after close');
      const end = offsetBytes + bytes.length;
      if (end > store.length) {
        const grown = new Uint8Array(Math.max(end, store.length * 2));
        grown.set(store.subarray(0, size));
        store = grown;
      }
      store.set(bytes, offsetBytes);
      size = Math.max(size, end);
    },
    async sync() {},
    async close() {
      closed = true;
    },
    bytes() {
      return store.slice(0, size);
    },
  };
}
