/**
 * Seeded test signals, the same on every machine, so each test knows its exact input.
 * LCG (Numerical Recipes constants) for uniforms; Box–Muller pairs for Gaussian noise.
 */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state;
  };
}

/** Uniform noise in [-0.5, 0.5). */
export function uniformNoise(n: number, seed: number): Float64Array {
  const next = lcg(seed);
  return Float64Array.from({ length: n }, () => next() / 2 ** 32 - 0.5);
}

/** Gaussian noise of standard deviation `sigma` (default 1). */
export function gaussianNoise(n: number, seed: number, sigma = 1): Float64Array {
  const next = lcg(seed);
  const uniform = () => (next() + 0.5) / 2 ** 32;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    const radius = sigma * Math.sqrt(-2 * Math.log(uniform()));
    const angle = 2 * Math.PI * uniform();
    out[i] = radius * Math.cos(angle);
    if (i + 1 < n) out[i + 1] = radius * Math.sin(angle);
  }
  return out;
}
