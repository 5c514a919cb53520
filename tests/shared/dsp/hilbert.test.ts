import { describe, expect, it } from 'vitest';
import { analyticSignal } from '../../../shared/dsp/hilbert.ts';
import { loadReference } from '../../helpers/references.ts';
import { expectArraysClose } from '../../helpers/tolerance.ts';

interface HilbertCase {
  samples: Float64Array;
  length: number | null;
  re: Float64Array;
  im: Float64Array;
}

const reference = loadReference<{ cases: HilbertCase[] }>('timeDomain/hilbert.json');

describe('analyticSignal', () => {
  it.each(reference.cases.map((c) => [c.samples.length, c.length ?? c.samples.length, c] as const))(
    'matches scipy.signal.hilbert for %i samples at length %i (absolute 1e-12)',
    (_, __, c) => {
      const z = analyticSignal(c.samples, c.length ?? undefined);
      expect(z.re.length).toBe(c.re.length);
      expectArraysClose(z.re, c.re, 1e-12, 1);
      expectArraysClose(z.im, c.im, 1e-12, 1);
    },
  );

  it.each([64, 100, 101, 1024])(
    'turns a bin-centred cosine into the matching sine at length %i (1e-12)',
    (n) => {
      const cycles = 5;
      const x = Float64Array.from({ length: n }, (_, i) =>
        Math.cos((2 * Math.PI * cycles * i) / n),
      );
      const expected = Float64Array.from({ length: n }, (_, i) =>
        Math.sin((2 * Math.PI * cycles * i) / n),
      );
      const z = analyticSignal(x);
      expectArraysClose(z.re, x, 1e-12, 1);
      expectArraysClose(z.im, expected, 1e-12, 1);
    },
  );

  it('leaves its input unchanged', () => {
    const x = Float64Array.from({ length: 100 }, (_, i) => Math.sin(i));
    const copy = x.slice();
    analyticSignal(x);
    expectArraysClose(x, copy, 0, 1);
  });

  it.each([
    ['an empty signal', () => analyticSignal(new Float64Array(0)), /samples/],
    ['length 0', () => analyticSignal(new Float64Array(4), 0), /length/],
    ['a fractional length', () => analyticSignal(new Float64Array(4), 2.5), /length/],
  ])('rejects %s with a RangeError naming it', (_, call, name) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(name);
  });
});
