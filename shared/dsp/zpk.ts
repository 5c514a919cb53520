/**
 * Zeros/poles/gain to second-order sections, following scipy.signal.zpk2sos with its default
 * pairing 'nearest' for digital filters, so that Auscult's Butterworth sections equal scipy's
 * section by section (same pairing, same order, gain in the first section).
 */

/** A complex number. */
export interface Complex {
  readonly re: number;
  readonly im: number;
}

/** One section: [b0, b1, b2, a0, a1, a2] with a0 = 1, as a row of scipy's `sos` array. */
export type SosSection = readonly [number, number, number, number, number, number];

/** Second-order sections, applied in order (scipy's `sos`, shape (n_sections, 6)). */
export type Sos = readonly SosSection[];

export const complex = (re: number, im = 0): Complex => ({ re, im });
export const add = (a: Complex, b: Complex): Complex => complex(a.re + b.re, a.im + b.im);
export const sub = (a: Complex, b: Complex): Complex => complex(a.re - b.re, a.im - b.im);
export const mul = (a: Complex, b: Complex): Complex =>
  complex(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re);
export const scale = (a: Complex, s: number): Complex => complex(a.re * s, a.im * s);
export const abs = (a: Complex): number => Math.hypot(a.re, a.im);
export const conj = (a: Complex): Complex => complex(a.re, -a.im);

export function div(a: Complex, b: Complex): Complex {
  const d = b.re * b.re + b.im * b.im;
  return complex((a.re * b.re + a.im * b.im) / d, (a.im * b.re - a.re * b.im) / d);
}

/** Principal square root (numpy.sqrt on complex128). */
export function sqrt(a: Complex): Complex {
  const r = abs(a);
  const re = Math.sqrt((r + a.re) / 2);
  const im = Math.sqrt(Math.max(0, (r - a.re) / 2));
  return complex(re, a.im < 0 || Object.is(a.im, -0) ? -im : im);
}

export function product(values: readonly Complex[]): Complex {
  return values.reduce(mul, complex(1));
}

/** scipy's realness test in _cplxreal: |imag| <= 100·eps·|z|. */
const realTolerance = 100 * Number.EPSILON;
const isReal = (z: Complex): boolean => Math.abs(z.im) <= realTolerance * abs(z);

/**
 * scipy.signal._filter_design._cplxreal: complex values as one member of each conjugate pair
 * (positive imaginary part, the pair averaged), sorted by real part then |imag|, followed by the
 * real values sorted ascending.
 */
function complexThenReal(values: readonly Complex[]): Complex[] {
  const reals = values.filter(isReal).map((z) => complex(z.re));
  const positive = values.filter((z) => !isReal(z) && z.im > 0);
  const negative = values.filter((z) => !isReal(z) && z.im < 0);
  if (positive.length !== negative.length) {
    throw new RangeError('zpk: a complex value has no matching conjugate');
  }
  const pairs = positive.map((z) => {
    let best = 0;
    for (let i = 1; i < negative.length; i++) {
      if (abs(sub(negative[i], conj(z))) < abs(sub(negative[best], conj(z)))) best = i;
    }
    const [match] = negative.splice(best, 1);
    return scale(add(z, conj(match)), 0.5);
  });
  pairs.sort((a, b) => a.re - b.re || Math.abs(a.im) - Math.abs(b.im));
  reals.sort((a, b) => a.re - b.re);
  return [...pairs, ...reals];
}

/** Index of the value closest to the unit circle (the "worst" pole of a digital filter). */
function indexWorst(
  values: readonly Complex[],
  candidates: readonly number[] = values.map((_, i) => i),
): number {
  let best = candidates[0];
  for (const i of candidates) {
    if (Math.abs(1 - abs(values[i])) < Math.abs(1 - abs(values[best]))) best = i;
  }
  return best;
}

function indexNearest(values: readonly Complex[], to: Complex, which: 'real' | 'complex' | 'any') {
  let best = -1;
  for (let i = 0; i < values.length; i++) {
    if (which === 'real' && !isReal(values[i])) continue;
    if (which === 'complex' && isReal(values[i])) continue;
    if (best < 0 || abs(sub(values[i], to)) < abs(sub(values[best], to))) best = i;
  }
  return best;
}

const take = (values: Complex[], index: number): Complex => values.splice(index, 1)[0];

/** Monic polynomial with the given (up to two) roots, right-aligned in three coefficients. */
function quadratic(roots: readonly Complex[]): [number, number, number] {
  if (roots.length === 0) return [0, 0, 1];
  if (roots.length === 1) return [0, 1, -roots[0].re];
  const [r1, r2] = roots;
  return [1, -(r1.re + r2.re), mul(r1, r2).re];
}

function section(zeros: readonly Complex[], poles: readonly Complex[]): SosSection {
  return [...quadratic(zeros), ...quadratic(poles)] as unknown as SosSection;
}

/** Picks the zeros and poles of the next section once its first pole `p1` is chosen. */
function nextSection(z: Complex[], p: Complex[], p1: Complex): SosSection {
  const realPoles = p.map((_, i) => i).filter((i) => isReal(p[i]));
  if (isReal(p1) && realPoles.length === 0) {
    return section([take(z, indexNearest(z, p1, 'real')), complex(0)], [p1, complex(0)]);
  }
  const realZeros = z.filter(isReal).length;
  if (p.length + 1 === z.length && !isReal(p1) && realPoles.length === 1 && realZeros === 1) {
    const z1 = take(z, indexNearest(z, p1, 'complex'));
    return section([z1, conj(z1)], [p1, conj(p1)]);
  }
  const p2 = isReal(p1) ? take(p, indexWorst(p, realPoles)) : conj(p1);
  if (z.length === 0) return section([], [p1, p2]);
  const z1 = take(z, indexNearest(z, p1, 'any'));
  if (!isReal(z1)) return section([z1, conj(z1)], [p1, p2]);
  if (z.length === 0) return section([z1], [p1, p2]);
  return section([z1, take(z, indexNearest(z, p1, 'real'))], [p1, p2]);
}

/**
 * Converts a digital filter's zeros, poles and gain into second-order sections
 * (scipy.signal.zpk2sos(z, p, k), pairing='nearest'): the poles closest to the unit circle go
 * last, each pole pair takes its nearest zeros, and the gain multiplies the first numerator.
 */
export function zpkToSos(zeros: readonly Complex[], poles: readonly Complex[], gain: number): Sos {
  if (zeros.length === 0 && poles.length === 0) return [[gain, 0, 0, 1, 0, 0]];
  const z = [...zeros];
  const p = [...poles];
  while (p.length < z.length) p.push(complex(0));
  while (z.length < p.length) z.push(complex(0));
  if (p.length % 2 === 1) {
    p.push(complex(0));
    z.push(complex(0));
  }
  const sectionCount = p.length / 2;
  const zs = complexThenReal(z);
  const ps = complexThenReal(p);
  const sections: SosSection[] = new Array(sectionCount);
  for (let si = sectionCount - 1; si >= 0; si--) {
    const p1 = take(ps, indexWorst(ps));
    sections[si] = nextSection(zs, ps, p1);
  }
  const [b0, b1, b2, a0, a1, a2] = sections[0];
  sections[0] = [b0 * gain, b1 * gain, b2 * gain, a0, a1, a2];
  return sections;
}
