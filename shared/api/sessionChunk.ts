/**
 * The audio of one sessions.append call: little-endian float32 mono samples. Pure: the method
 * table (methods.ts) checks chunks with it and the live session decodes them.
 */

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The index of the first NaN or infinite value, or -1. */
export function firstNonFinite(samples: Float32Array): number {
  for (let i = 0; i < samples.length; i++) {
    // x − x is NaN exactly for NaN and ±Infinity: one subtraction, no call.
    if (samples[i] - samples[i] !== 0) return i;
  }
  return -1;
}

/**
 * The samples of `chunk` (a view of it on little-endian machines: no copy). Throws RangeError
 * naming `chunk` when its length is not a multiple of 4 bytes, TypeError when a sample is NaN or
 * infinite (the browser never produces one; a refused chunk is better than a poisoned analysis).
 */
export function decodeSessionChunk(chunk: ArrayBuffer): Float32Array {
  if (chunk.byteLength % 4 !== 0) {
    throw new RangeError(
      `chunk must hold whole float32 samples (a multiple of 4 bytes), got ${chunk.byteLength} bytes`,
    );
  }
  let samples: Float32Array;
  if (LITTLE_ENDIAN) samples = new Float32Array(chunk);
  else {
    const view = new DataView(chunk);
    samples = new Float32Array(chunk.byteLength / 4);
    for (let i = 0; i < samples.length; i++) samples[i] = view.getFloat32(i * 4, true);
  }
  const bad = firstNonFinite(samples);
  if (bad >= 0) {
    throw new TypeError(`chunk holds a sample that is not a finite number (sample ${bad})`);
  }
  return samples;
}
