/**
 * The anti-aliasing / anti-imaging low-pass of polyphase resampling: a Kaiser-windowed sinc
 * (scipy.signal.firwin(numtaps, cutoff, window=('kaiser', beta))), as scipy.signal.resample_poly
 * designs it, with the length, window and cut-off as parameters.
 */

/** How the resampling filter is designed. */
export interface ResampleDesign {
  /** Taps on each side of the centre per unit of max(up, down): scipy uses 10. */
  readonly halfLengthPerRate: number;
  /** Kaiser β: stop-band attenuation ≈ 8.7 + β/0.1102 dB (β 5 ≈ 54 dB, β 8 ≈ 81 dB). */
  readonly kaiserBeta: number;
  /** −6 dB cut-off as a fraction of the lower of the two Nyquist frequencies: scipy uses 1. */
  readonly cutoff: number;
}

/**
 * Auscult's default: 32 taps per rate each side, β = 8, cut-off 0.9. Flat within 0.1 dB up to
 * 0.84 of the lower Nyquist and ≥ 82 dB down from the lower Nyquist upward (measured with
 * scipy.signal.freqz), so nothing above the new Nyquist aliases into a spectrum that another
 * recording will be compared with. scipy's design leaves content at the new Nyquist only 6 dB
 * down (its −6 dB point sits exactly there).
 */
export const DEFAULT_RESAMPLE_DESIGN: ResampleDesign = {
  halfLengthPerRate: 32,
  kaiserBeta: 8,
  cutoff: 0.9,
};

/** scipy.signal.resample_poly's own design (window=('kaiser', 5.0)), to reproduce its output. */
export const SCIPY_RESAMPLE_DESIGN: ResampleDesign = {
  halfLengthPerRate: 10,
  kaiserBeta: 5,
  cutoff: 1,
};

/** Modified Bessel function of the first kind, order 0, by its power series (exact to rounding). */
export function besselI0(x: number): number {
  const q = (x * x) / 4;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < 500; k++) {
    term *= q / (k * k);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return sum;
}

/** Symmetric Kaiser window (scipy.signal.windows.kaiser(length, beta, sym=True)). */
export function kaiserWindow(length: number, beta: number): Float64Array {
  const w = new Float64Array(length);
  if (length === 1) {
    w[0] = 1;
    return w;
  }
  const alpha = (length - 1) / 2;
  const denominator = besselI0(beta);
  for (let n = 0; n < length; n++) {
    const r = (n - alpha) / alpha;
    w[n] = besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / denominator;
  }
  return w;
}

/**
 * Windowed-sinc low-pass with unit gain at DC (scipy.signal.firwin(length, cutoff,
 * window=('kaiser', beta)), cutoff relative to Nyquist, pass_zero=True, scale=True).
 */
export function kaiserLowPass(length: number, cutoff: number, beta: number): Float64Array {
  const h = kaiserWindow(length, beta);
  const alpha = (length - 1) / 2;
  let sum = 0;
  for (let n = 0; n < length; n++) {
    const m = n - alpha;
    const x = cutoff * m;
    h[n] *= cutoff * (x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x));
    sum += h[n];
  }
  for (let n = 0; n < length; n++) h[n] /= sum;
  return h;
}

/** Checks a design; throws RangeError naming the bad field. */
export function checkDesign(design: ResampleDesign, where: string): void {
  const { halfLengthPerRate, kaiserBeta, cutoff } = design;
  if (!(Number.isInteger(halfLengthPerRate) && halfLengthPerRate >= 1)) {
    throw new RangeError(`${where}: design.halfLengthPerRate must be an integer >= 1`);
  }
  if (!(Number.isFinite(kaiserBeta) && kaiserBeta >= 0)) {
    throw new RangeError(`${where}: design.kaiserBeta must be >= 0`);
  }
  if (!(cutoff > 0 && cutoff <= 1))
    throw new RangeError(`${where}: design.cutoff must be in (0, 1]`);
}

/**
 * The prototype filter for resampling by up/down (already reduced), scaled by `up` as scipy does
 * so that interpolation keeps amplitudes: length 2·halfLengthPerRate·max(up, down) + 1.
 */
export function designResampleFilter(
  up: number,
  down: number,
  design: ResampleDesign,
): Float64Array {
  const maxRate = Math.max(up, down);
  const halfLength = design.halfLengthPerRate * maxRate;
  const h = kaiserLowPass(2 * halfLength + 1, design.cutoff / maxRate, design.kaiserBeta);
  for (let n = 0; n < h.length; n++) h[n] *= up;
  return h;
}
