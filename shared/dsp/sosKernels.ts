/**
 * The inner loops of SOS filtering (transposed direct form II), cascaded sections fused into one
 * pass over the samples. Each section is a serial chain (its state at sample n needs its output
 * at n), about 16 CPU cycles of latency per sample; run one section after another, the CPU waits
 * on that chain. Fused, sample n of section s+1 runs while section s works on sample n+1, so up
 * to four chains overlap: 3.1 → 1.5 ns per sample and section, ~2× (docs/benchmark.md). Every
 * section still does the same operations on the same values in the same order, so the output is
 * bit for bit that of the section-by-section loop. The three kernels are written out by hand on
 * purpose: a loop over sections inside the sample loop would bring the serial chain back.
 */
import type { Sos } from './zpk.ts';

/** Sections s..s+3 over `data` in place, states in state[2s..2s+7]. */
function runFour(sos: Sos, s: number, data: Float64Array, state: Float64Array): void {
  const [b00, b01, b02, , a01, a02] = sos[s];
  const [b10, b11, b12, , a11, a12] = sos[s + 1];
  const [b20, b21, b22, , a21, a22] = sos[s + 2];
  const [b30, b31, b32, , a31, a32] = sos[s + 3];
  let z00 = state[2 * s];
  let z01 = state[2 * s + 1];
  let z10 = state[2 * s + 2];
  let z11 = state[2 * s + 3];
  let z20 = state[2 * s + 4];
  let z21 = state[2 * s + 5];
  let z30 = state[2 * s + 6];
  let z31 = state[2 * s + 7];
  const n = data.length;
  for (let i = 0; i < n; i++) {
    const x = data[i];
    const y0 = b00 * x + z00;
    z00 = b01 * x - a01 * y0 + z01;
    z01 = b02 * x - a02 * y0;
    const y1 = b10 * y0 + z10;
    z10 = b11 * y0 - a11 * y1 + z11;
    z11 = b12 * y0 - a12 * y1;
    const y2 = b20 * y1 + z20;
    z20 = b21 * y1 - a21 * y2 + z21;
    z21 = b22 * y1 - a22 * y2;
    const y3 = b30 * y2 + z30;
    z30 = b31 * y2 - a31 * y3 + z31;
    z31 = b32 * y2 - a32 * y3;
    data[i] = y3;
  }
  state.set([z00, z01, z10, z11, z20, z21, z30, z31], 2 * s);
}

/** Sections s and s+1 over `data` in place. */
function runTwo(sos: Sos, s: number, data: Float64Array, state: Float64Array): void {
  const [b00, b01, b02, , a01, a02] = sos[s];
  const [b10, b11, b12, , a11, a12] = sos[s + 1];
  let z00 = state[2 * s];
  let z01 = state[2 * s + 1];
  let z10 = state[2 * s + 2];
  let z11 = state[2 * s + 3];
  const n = data.length;
  for (let i = 0; i < n; i++) {
    const x = data[i];
    const y0 = b00 * x + z00;
    z00 = b01 * x - a01 * y0 + z01;
    z01 = b02 * x - a02 * y0;
    const y1 = b10 * y0 + z10;
    z10 = b11 * y0 - a11 * y1 + z11;
    z11 = b12 * y0 - a12 * y1;
    data[i] = y1;
  }
  state.set([z00, z01, z10, z11], 2 * s);
}

/** Section s over `data` in place. */
function runOne(sos: Sos, s: number, data: Float64Array, state: Float64Array): void {
  const [b0, b1, b2, , a1, a2] = sos[s];
  let z0 = state[2 * s];
  let z1 = state[2 * s + 1];
  const n = data.length;
  for (let i = 0; i < n; i++) {
    const x = data[i];
    const y = b0 * x + z0;
    z0 = b1 * x - a1 * y + z1;
    z1 = b2 * x - a2 * y;
    data[i] = y;
  }
  state[2 * s] = z0;
  state[2 * s + 1] = z1;
}

/**
 * Runs every section of `sos` over `data` in place (scipy.signal.sosfilt's recurrence), updating
 * `state` (two values per section): four sections per pass, then two, then one.
 */
export function runSections(sos: Sos, data: Float64Array, state: Float64Array): void {
  let s = 0;
  for (; s + 4 <= sos.length; s += 4) runFour(sos, s, data, state);
  for (; s + 2 <= sos.length; s += 2) runTwo(sos, s, data, state);
  for (; s < sos.length; s++) runOne(sos, s, data, state);
}
