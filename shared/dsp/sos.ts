/**
 * Filtering with second-order sections: causal (scipy.signal.sosfilt, also block by block with
 * carried state) and zero-phase (scipy.signal.sosfiltfilt).
 */
import { runSections } from './sosKernels.ts';
import type { SampleArray } from './types.ts';
import type { Sos } from './zpk.ts';

export type { Sos, SosSection } from './zpk.ts';

function assertSos(sos: Sos, where: string): void {
  if (!Array.isArray(sos) || sos.length === 0) {
    throw new RangeError(`${where}: sos must hold at least one section`);
  }
  for (const row of sos) {
    if (row.length !== 6 || !row.every(Number.isFinite)) {
      throw new RangeError(`${where}: each sos section must be 6 finite numbers`);
    }
    if (row[3] !== 1) throw new RangeError(`${where}: sos sections must have a0 = 1`);
  }
}

function assertState(state: ArrayLike<number>, sos: Sos, where: string): void {
  if (state.length !== 2 * sos.length) {
    throw new RangeError(
      `${where}: initialState must hold 2 values per section (${2 * sos.length})`,
    );
  }
}

/**
 * Causal filtering with second-order sections (scipy.signal.sosfilt(sos, x, zi=initialState)).
 * `initialState` holds two values per section, scipy's zi flattened row by row; zero by default.
 * Returns a new array of the same length.
 */
export function sosfilt(
  sos: Sos,
  samples: SampleArray,
  initialState?: ArrayLike<number>,
): Float64Array {
  assertSos(sos, 'sosfilt');
  const state = new Float64Array(2 * sos.length);
  if (initialState) {
    assertState(initialState, sos, 'sosfilt');
    state.set(initialState);
  }
  const out = Float64Array.from(samples);
  runSections(sos, out, state);
  return out;
}

/** A causal SOS filter that keeps its state between blocks, for recordings of any length. */
export interface SosFilterStream {
  /**
   * Filters the next block; the result equals the matching slice of `sosfilt` on the whole.
   * With `output` (at least as long as the block) the result is written there and returned as
   * a view of it, so a long recording filtered block by block allocates nothing per block.
   */
  process(block: SampleArray, output?: Float64Array): Float64Array;
  /** The current state (scipy's zf, two values per section), copied. */
  state(): Float64Array;
  /** Forgets the past (zero state, or the given one). */
  reset(state?: ArrayLike<number>): void;
}

/** Creates a streaming `sosfilt`: blocks in, filtered blocks out, state carried across. */
export function createSosFilter(sos: Sos, initialState?: ArrayLike<number>): SosFilterStream {
  assertSos(sos, 'createSosFilter');
  const sections = sos.map((row) => [...row] as unknown as Sos[number]);
  const state = new Float64Array(2 * sos.length);
  const reset = (next?: ArrayLike<number>) => {
    state.fill(0);
    if (next) {
      assertState(next, sos, 'createSosFilter');
      state.set(next);
    }
  };
  reset(initialState);
  return {
    process(block, output) {
      if (output && output.length < block.length) {
        throw new RangeError('SosFilterStream.process: output is shorter than the block');
      }
      const out = output ? output.subarray(0, block.length) : new Float64Array(block.length);
      out.set(block);
      runSections(sections, out, state);
      return out;
    },
    state: () => state.slice(),
    reset,
  };
}

/**
 * Initial state for a step response in steady state (scipy.signal.sosfilt_zi): multiply by the
 * first sample to start filtering without a transient. Two values per section.
 */
export function sosfiltZi(sos: Sos): Float64Array {
  assertSos(sos, 'sosfiltZi');
  const zi = new Float64Array(2 * sos.length);
  let gain = 1;
  sos.forEach(([b0, b1, b2, , a1, a2], s) => {
    // The state that holds a section at rest under a unit step: its output is then its DC gain
    // y, so z0 = y − b0 and z1 = b2 − a2·y (scipy solves the same system with lfilter_zi). This
    // form is exact for high-pass sections, whose b0 + b1 + b2 is exactly 0.
    const y = (b0 + b1 + b2) / (1 + a1 + a2);
    zi[2 * s] = gain * (y - b0);
    zi[2 * s + 1] = gain * (b2 - a2 * y);
    gain *= y;
  });
  return zi;
}

export type PadType = 'odd' | 'even' | 'constant' | 'none';

export interface FiltFiltOptions {
  /** How the ends are extended before filtering (scipy's padtype); default 'odd'. */
  readonly padType?: PadType;
  /**
   * Samples added at each end (scipy's padlen). Default as scipy: 3·(2·sections + 1 − k), where
   * k counts sections whose b2 and a2 are both zero (first-order sections), i.e. 3·ntaps.
   */
  readonly padLength?: number;
}

/** scipy's default sosfiltfilt padlen: 3 × (2·n_sections + 1 − min(#(b2 = 0), #(a2 = 0))). */
export function defaultPadLength(sos: Sos): number {
  const zeroB2 = sos.filter((row) => row[2] === 0).length;
  const zeroA2 = sos.filter((row) => row[5] === 0).length;
  return 3 * (2 * sos.length + 1 - Math.min(zeroB2, zeroA2));
}

/** scipy.signal._arraytools odd_ext / even_ext / const_ext. */
function extend(x: SampleArray, edge: number, padType: PadType): Float64Array {
  const n = x.length;
  const out = new Float64Array(n + 2 * edge);
  out.set(x, edge);
  const first = x[0];
  const last = x[n - 1];
  for (let i = 1; i <= edge; i++) {
    const left = padType === 'constant' ? first : x[i];
    const right = padType === 'constant' ? last : x[n - 1 - i];
    out[edge - i] = padType === 'odd' ? 2 * first - left : left;
    out[edge + n - 1 + i] = padType === 'odd' ? 2 * last - right : right;
  }
  return out;
}

/**
 * Zero-phase filtering: forward then backward through the sections
 * (scipy.signal.sosfiltfilt(sos, x, padtype, padlen)), so the magnitude response is squared and
 * the phase is zero. Initial states follow scipy (sosfilt_zi scaled by the end samples).
 * Throws RangeError when the signal is not longer than the padding.
 */
export function sosfiltfilt(
  sos: Sos,
  samples: SampleArray,
  options: FiltFiltOptions = {},
): Float64Array {
  assertSos(sos, 'sosfiltfilt');
  const padType = options.padType ?? 'odd';
  if (!['odd', 'even', 'constant', 'none'].includes(padType)) {
    throw new RangeError(`sosfiltfilt: padType must be odd, even, constant or none`);
  }
  const edge = padType === 'none' ? 0 : (options.padLength ?? defaultPadLength(sos));
  if (!(Number.isInteger(edge) && edge >= 0)) {
    throw new RangeError(`sosfiltfilt: padLength must be a non-negative integer, got ${edge}`);
  }
  if (samples.length === 0 || samples.length <= edge) {
    throw new RangeError(`sosfiltfilt: samples must be longer than the padding (${edge})`);
  }
  const data = edge > 0 ? extend(samples, edge, padType) : Float64Array.from(samples);
  const zi = sosfiltZi(sos);
  runSections(
    sos,
    data,
    zi.map((v) => v * data[0]),
  );
  data.reverse();
  runSections(
    sos,
    data,
    zi.map((v) => v * data[0]),
  );
  data.reverse();
  return edge > 0 ? data.slice(edge, data.length - edge) : data;
}
