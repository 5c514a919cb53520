/**
 * A small seeded PRNG for the simulator: the same seed gives the same numbers on every machine,
 * which `Math.random` cannot promise.
 */

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [low, high). */
  uniform(low: number, high: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Exponential with the given mean: the waiting time of a Poisson process. */
  exponential(mean: number): number;
  /** Log-normal with median 1 and the given spread of its logarithm. */
  logNormal(sigma: number): number;
  /** An independent stream derived from this one's seed and a label, without consuming this one. */
  fork(label: string): Random;
}

/** FNV-1a: a stable 32-bit hash for turning labels (profile ids, stream names) into seeds. */
export function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * mulberry32 (Tommy Ettinger's public-domain generator): 32-bit state, passes SmallCrush, more
 * than enough for test noise. Throws RangeError unless `seed` is a finite number.
 */
export function createRandom(seed: number): Random {
  if (!Number.isFinite(seed)) throw new RangeError('createRandom: seed must be a finite number');
  const origin = Math.trunc(seed) >>> 0;
  let state = origin;
  let spareNormal: number | null = null;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => {
    if (spareNormal !== null) {
      const value = spareNormal;
      spareNormal = null;
      return value;
    }
    const u = 1 - next(); // (0, 1]: log stays finite
    const v = next();
    const radius = Math.sqrt(-2 * Math.log(u));
    spareNormal = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  };
  return {
    next,
    normal,
    uniform: (low, high) => low + (high - low) * next(),
    exponential: (mean) => -mean * Math.log(1 - next()),
    logNormal: (sigma) => Math.exp(sigma * normal()),
    fork: (label) => createRandom((origin ^ hashSeed(label)) >>> 0),
  };
}
