/**
 * Second-order IIR sections for the simulator (noise shaping, the telephone band). Coefficients
 * from R. Bristow-Johnson's "Audio EQ Cookbook"; filtering as scipy.signal.sosfilt with one section.
 * Kept in tests/sim: the product's filters belong to shared/dsp.
 */

export interface Biquad {
  readonly b0: number;
  readonly b1: number;
  readonly b2: number;
  readonly a1: number;
  readonly a2: number;
}

export type BiquadType = 'lowpass' | 'highpass' | 'bandpass';

/** Butterworth Q: a 2nd-order section with a maximally flat pass band. */
export const BUTTERWORTH_Q = Math.SQRT1_2;

/**
 * Cookbook coefficients, normalised by a0. `bandpass` has 0 dB gain at the centre frequency.
 * Throws RangeError unless 0 < frequencyHz < sampleRateHz / 2 and q > 0.
 */
export function designBiquad(
  type: BiquadType,
  frequencyHz: number,
  sampleRateHz: number,
  q: number,
): Biquad {
  if (!(frequencyHz > 0 && frequencyHz < sampleRateHz / 2)) {
    throw new RangeError(
      `designBiquad: frequencyHz ${frequencyHz} must lie in (0, ${sampleRateHz / 2})`,
    );
  }
  if (!(q > 0)) throw new RangeError('designBiquad: q must be positive');
  const w0 = (2 * Math.PI * frequencyHz) / sampleRateHz;
  const cos = Math.cos(w0);
  const alpha = Math.sin(w0) / (2 * q);
  const a0 = 1 + alpha;
  let b: [number, number, number];
  if (type === 'lowpass') b = [(1 - cos) / 2, 1 - cos, (1 - cos) / 2];
  else if (type === 'highpass') b = [(1 + cos) / 2, -(1 + cos), (1 + cos) / 2];
  else b = [alpha, 0, -alpha];
  return { b0: b[0] / a0, b1: b[1] / a0, b2: b[2] / a0, a1: (-2 * cos) / a0, a2: (1 - alpha) / a0 };
}

/** Runs `input` through the sections in order (direct form II transposed); returns a new array. */
export function filterBiquads(input: ArrayLike<number>, sections: readonly Biquad[]): Float64Array {
  const out = Float64Array.from(input);
  for (const s of sections) {
    let z1 = 0;
    let z2 = 0;
    for (let i = 0; i < out.length; i++) {
      const x = out[i];
      const y = s.b0 * x + z1;
      z1 = s.b1 * x - s.a1 * y + z2;
      z2 = s.b2 * x - s.a2 * y;
      out[i] = y;
    }
  }
  return out;
}
