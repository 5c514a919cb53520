/**
 * A bound on the large request bodies (binary chunks of up to 16 MiB) the web host holds at once.
 * Each large body takes a slot from its first byte read until its answer is written; the others
 * wait unread, so TCP flow control holds their bytes in the clients, not in the host's memory.
 * Waiting rather than answering 503: the page's uploaders send one chunk at a time and would
 * only retry, and a wait of a few hundred milliseconds is what a saturated disk costs anyway.
 */

/**
 * Large bodies read and processed at once by default. Measured with `npm run bench:bodies` (120
 * clients × 16 MiB): peak RSS 252–272 MB with 2, 313–344 MB with 3 (socket read buffers already
 * freed but not yet collected count too), 1562–1941 MB without a bound.
 */
export const DEFAULT_MAX_LARGE_BODIES = 2;

/**
 * A body is large above this many bytes (or when its length is not declared). Smaller ones, such
 * as a live recording's 100 ms chunks, never wait behind an import's 16 MiB chunks.
 */
export const LARGE_BODY_BYTES = 1024 * 1024;

/** True when a body of `declaredBytes` (null: not declared, chunked) must take a slot. */
export function isLargeBody(declaredBytes: number | null): boolean {
  return declaredBytes === null || declaredBytes > LARGE_BODY_BYTES;
}

export interface BodyGateState {
  /** Bodies being read or processed now. */
  readonly active: number;
  /** Requests waiting for a slot. */
  readonly waiting: number;
}

export interface BodyGate {
  /** Resolves with the function that frees the slot (call it exactly once). */
  acquire(): Promise<() => void>;
  state(): BodyGateState;
}

/** A counting semaphore of `slots` slots, first come first served. */
export function createBodyGate(slots: number = DEFAULT_MAX_LARGE_BODIES): BodyGate {
  if (!Number.isSafeInteger(slots) || slots < 1) {
    throw new RangeError(`createBodyGate: slots must be an integer >= 1, got ${slots}`);
  }
  let active = 0;
  const queue: (() => void)[] = [];
  const release = (): void => {
    const next = queue.shift();
    if (next) next();
    else active--;
  };
  const slot = (): (() => void) => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release();
    };
  };
  return {
    acquire() {
      if (active < slots) {
        active++;
        return Promise.resolve(slot());
      }
      // The slot passes straight to the next waiter: `active` stays the same.
      return new Promise((resolve) => queue.push(() => resolve(slot())));
    },
    state: () => ({ active, waiting: queue.length }),
  };
}
