import { expect } from 'vitest';

/** Largest |a-b| / max(|b|, floor) over two arrays; floor keeps near-zero bins from dominating. */
export function maxRelativeError(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  floor = 0,
): number {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const denominator = Math.max(Math.abs(expected[i]), floor);
    const error = Math.abs(actual[i] - expected[i]) / (denominator || 1);
    if (!(error <= worst)) worst = error; // NaN propagates as a failure
  }
  return worst;
}

export function expectClose(actual: number, expected: number, absoluteTolerance: number): void {
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(
    absoluteTolerance,
  );
}

export function expectArraysClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  relativeTolerance: number,
  floor = 0,
): void {
  expect(maxRelativeError(actual, expected, floor)).toBeLessThanOrEqual(relativeTolerance);
}
