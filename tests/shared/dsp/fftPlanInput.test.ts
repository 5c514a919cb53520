import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disableWasmFft, enableWasmFft, realFftPlan } from '../../../shared/dsp/fft.ts';
import type { FftBackendName } from '../../../shared/dsp/fft.ts';
import { expectArraysClose } from '../../helpers/tolerance.ts';
import { uniformNoise } from '../../helpers/signals.ts';

const N = 1024;
const backends: { backend: FftBackendName; tolerance: number }[] = [
  { backend: 'fft.js', tolerance: 1e-12 },
  // float32: errors relative to the spectrum's scale (√N·σ ≈ 9 here).
  { backend: 'pffft-wasm-simd', tolerance: 1e-5 },
];

beforeAll(async () => {
  expect(await enableWasmFft()).toBe(true);
});

afterAll(() => {
  disableWasmFft();
});

describe('a real FFT plan fed through its own input buffer', () => {
  it.each(backends)('$backend: forwardInput equals forward of the same samples', ({ backend }) => {
    const plan = realFftPlan(N, backend);
    const signal = uniformNoise(N, 1);
    const expected = { re: new Float64Array(N / 2 + 1), im: new Float64Array(N / 2 + 1) };
    plan.forward(signal, expected.re, expected.im);
    plan.input().set(signal);
    const re = new Float64Array(N / 2 + 1);
    const im = new Float64Array(N / 2 + 1);
    plan.forwardInput(re, im);
    expectArraysClose(re, expected.re, 0);
    expectArraysClose(im, expected.im, 0);
  });

  it.each(backends)(
    '$backend: powerOfInput gives |X|², added or written over',
    ({ backend, tolerance }) => {
      const plan = realFftPlan(N, backend);
      const signal = uniformNoise(N, 2);
      const re = new Float64Array(N / 2 + 1);
      const im = new Float64Array(N / 2 + 1);
      plan.forward(signal, re, im);
      const expected = re.map((r, k) => r * r + im[k] * im[k]);
      plan.input().set(signal);
      const power = new Float64Array(N / 2 + 1).fill(5);
      plan.powerOfInput(power, false);
      expectArraysClose(power, expected, tolerance, 1);
      plan.input().set(signal);
      plan.powerOfInput(power, true);
      expectArraysClose(
        power,
        expected.map((p) => 2 * p),
        tolerance,
        1,
      );
    },
  );

  it.each(backends)(
    '$backend: forwardInputPacked lays out [X₀, X_N/2, Re X₁, Im X₁, …]',
    ({ backend }) => {
      const plan = realFftPlan(N, backend);
      const signal = uniformNoise(N, 3);
      const re = new Float64Array(N / 2 + 1);
      const im = new Float64Array(N / 2 + 1);
      plan.forward(signal, re, im);
      plan.input().set(signal);
      const packed = Float64Array.from(plan.forwardInputPacked());
      const expected = new Float64Array(N);
      expected[0] = re[0];
      expected[1] = re[N / 2];
      for (let k = 1; k < N / 2; k++) {
        expected[2 * k] = re[k];
        expected[2 * k + 1] = im[k];
      }
      expectArraysClose(packed, expected, 0);
    },
  );

  it.each(backends)(
    '$backend: inversePacked returns the samples, and the Hilbert rotation turns cos into sin',
    ({ backend, tolerance }) => {
      const plan = realFftPlan(N, backend);
      const signal = uniformNoise(N, 4);
      plan.input().set(signal);
      plan.forwardInputPacked();
      const back = new Float64Array(N);
      plan.inversePacked(back);
      expectArraysClose(back, signal, tolerance, 0.5);

      // cos(2π·37n/N) → H → sin(2π·37n/N): multiply by −j for positive frequencies.
      const cosine = plan.input();
      for (let n = 0; n < N; n++) cosine[n] = Math.cos((2 * Math.PI * 37 * n) / N);
      const spectrum = plan.forwardInputPacked();
      spectrum[0] = spectrum[1] = 0;
      for (let i = 2; i < N; i += 2) {
        const r = spectrum[i];
        spectrum[i] = spectrum[i + 1];
        spectrum[i + 1] = -r;
      }
      const quadrature = new Float64Array(N);
      plan.inversePacked(quadrature);
      const sine = Float64Array.from({ length: N }, (_, n) => Math.sin((2 * Math.PI * 37 * n) / N));
      expectArraysClose(quadrature, sine, tolerance, 1);
    },
  );

  it("keeps a WASM plan's input usable after another plan grows the WASM memory", () => {
    const plan = realFftPlan(N, 'pffft-wasm-simd');
    plan.input();
    realFftPlan(2 ** 21, 'pffft-wasm-simd'); // 24 MiB of buffers: more than the initial memory
    const input = plan.input();
    expect(input.length).toBe(N);
    input.fill(0);
    input[0] = 1;
    const power = new Float64Array(N / 2 + 1);
    plan.powerOfInput(power, false);
    expectArraysClose(power, new Float64Array(N / 2 + 1).fill(1), 1e-6);
  });
});
