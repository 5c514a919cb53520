import { describe, expect, it } from 'vitest';
import type { DetrendType } from '../../../shared/dsp/detrend.ts';
import { detrend, detrendInPlace } from '../../../shared/dsp/detrend.ts';
import { loadReference } from '../../helpers/references.ts';
import { expectArraysClose, expectClose } from '../../helpers/tolerance.ts';

interface StoredSignal {
  sampleRateHz: number;
  samples: Float64Array;
}
interface DetrendCase {
  signal: string;
  type: DetrendType;
  scipy: string;
  values: Float64Array;
}

const { signals } = loadReference<{ signals: Record<string, StoredSignal> }>(
  'spectral/signals.json',
);
const { cases } = loadReference<{ cases: DetrendCase[] }>('spectral/detrend.json');

describe('detrend', () => {
  // Values are of order 1: compared in absolute terms.
  it.each(cases.map((c) => [c.scipy, c] as const))('matches %s', (_name, c) => {
    expectArraysClose(detrend(signals[c.signal].samples, c.type), c.values, 1e-12, 1);
  });

  it.each<[DetrendType, number]>([
    ['constant', 0],
    ['linear', 0.25],
  ])('leaves nothing of a trend it models (%s, slope %f)', (type, slope) => {
    const line = Float64Array.from({ length: 1001 }, (_, i) => 3 + slope * i);
    expectArraysClose(detrend(line, type), new Float64Array(1001), 1e-12, 1);
  });

  it('leaves a linear residual orthogonal to a constant and to time', () => {
    const samples = Float32Array.from({ length: 500 }, (_, i) => Math.sin(i * 0.37) + i * 0.01);
    const residual = detrend(samples, 'linear');
    let sum = 0;
    let weighted = 0;
    for (let i = 0; i < residual.length; i++) {
      sum += residual[i];
      weighted += i * residual[i];
    }
    expectClose(sum, 0, 1e-10);
    expectClose(weighted, 0, 1e-8);
  });

  it('defaults to linear, as scipy does, and does not change its input', () => {
    const samples = Float64Array.of(1, 2, 3, 5);
    const copy = samples.slice();
    expectArraysClose(detrend(samples), detrend(samples, 'linear'), 0, 1);
    expect(Array.from(samples)).toEqual(Array.from(copy));
  });

  it('detrends only the first values of a buffer, leaving its padding alone', () => {
    const buffer = Float64Array.of(1, 2, 3, 0, 0);
    detrendInPlace(buffer, 'constant', 3);
    expect(Array.from(buffer)).toEqual([-1, 0, 1, 0, 0]);
  });

  it.each<[string, () => unknown, ErrorConstructor]>([
    ['a plain array', () => detrend([1, 2] as unknown as Float64Array), TypeError],
    ['an unknown type', () => detrend(new Float64Array(4), 'cubic' as DetrendType), RangeError],
  ])('rejects %s', (_name, call, errorType) => {
    expect(call).toThrow(errorType);
  });
});
