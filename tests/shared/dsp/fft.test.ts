import { describe, expect, it } from 'vitest';
import { disableWasmFft, enableWasmFft, fft, realFftPlan, rfft } from '../../../shared/dsp/fft.ts';
import { expectArraysClose } from '../../helpers/tolerance.ts';
import { uniformNoise } from '../../helpers/signals.ts';

/** Direct O(N²) DFT, the definition itself. */
function naiveDft(re: Float64Array, im: Float64Array, inverse = false) {
  const n = re.length;
  const outRe = new Float64Array(n);
  const outIm = new Float64Array(n);
  const sign = inverse ? 1 : -1;
  for (let k = 0; k < n; k++) {
    for (let t = 0; t < n; t++) {
      const angle = (sign * 2 * Math.PI * k * t) / n;
      outRe[k] += re[t] * Math.cos(angle) - im[t] * Math.sin(angle);
      outIm[k] += re[t] * Math.sin(angle) + im[t] * Math.cos(angle);
    }
    if (inverse) {
      outRe[k] /= n;
      outIm[k] /= n;
    }
  }
  return { re: outRe, im: outIm };
}

describe('fft', () => {
  it.each([1, 2, 3, 5, 8, 12, 17, 64, 100, 127])('matches the direct DFT for length %i', (n) => {
    const re = uniformNoise(n, n);
    const im = uniformNoise(n, n + 7);
    const expected = naiveDft(re, im);
    const actual = fft(re, im);
    expectArraysClose(actual.re, expected.re, 1e-9, 1);
    expectArraysClose(actual.im, expected.im, 1e-9, 1);
  });

  it.each([6, 16, 99])('inverts its own forward transform for length %i', (n) => {
    const re = uniformNoise(n, 3);
    const im = uniformNoise(n, 4);
    const forward = fft(re, im);
    const back = fft(forward.re, forward.im, true);
    expectArraysClose(back.re, re, 1e-12, 1);
    expectArraysClose(back.im, im, 1e-12, 1);
  });

  it.each([8, 10, 1024])('rfft returns bins 0..N/2 of the full transform for length %i', (n) => {
    const signal = uniformNoise(n, 11);
    const full = naiveDft(signal, new Float64Array(n));
    const half = rfft(signal);
    expect(half.re.length).toBe(Math.floor(n / 2) + 1);
    expectArraysClose(half.re, full.re.subarray(0, half.re.length), 1e-9, 1);
    expectArraysClose(half.im, full.im.subarray(0, half.im.length), 1e-9, 1);
  });

  it('refuses a real plan size that no backend supports', () => {
    expect(() => realFftPlan(1000, 'fft.js')).toThrow(RangeError);
  });

  it('gives the same spectrum from the WASM SIMD backend as from fft.js, within float32', async () => {
    expect(await enableWasmFft()).toBe(true);
    try {
      const n = 8192;
      const signal = uniformNoise(n, 5);
      const reference = { re: new Float64Array(n / 2 + 1), im: new Float64Array(n / 2 + 1) };
      const wasm = { re: new Float64Array(n / 2 + 1), im: new Float64Array(n / 2 + 1) };
      realFftPlan(n, 'fft.js').forward(signal, reference.re, reference.im);
      const plan = realFftPlan(n);
      expect(plan.backend).toBe('pffft-wasm-simd');
      plan.forward(signal, wasm.re, wasm.im);
      // float32 arithmetic: errors relative to the spectrum's scale (sqrt(N)·σ ≈ 26 here).
      expectArraysClose(wasm.re, reference.re, 1e-4, 26);
      expectArraysClose(wasm.im, reference.im, 1e-4, 26);
    } finally {
      disableWasmFft();
    }
  });
});

describe('real inverse FFT', () => {
  it.each(['fft.js', 'pffft-wasm-simd'] as const)(
    '%s inverts the forward transform',
    async (backend) => {
      if (backend === 'pffft-wasm-simd') expect(await enableWasmFft()).toBe(true);
      try {
        const n = 4096;
        const signal = uniformNoise(n, 21);
        const plan = realFftPlan(n, backend);
        const re = new Float64Array(n / 2 + 1);
        const im = new Float64Array(n / 2 + 1);
        plan.forward(signal, re, im);
        const back = new Float64Array(n);
        plan.inverse(re, im, back);
        // float32 for the WASM backend: errors relative to the signal's scale (0.5).
        expectArraysClose(back, signal, backend === 'fft.js' ? 1e-12 : 1e-5, 0.5);
      } finally {
        disableWasmFft();
      }
    },
  );
});
