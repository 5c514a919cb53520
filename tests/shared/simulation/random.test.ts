import { describe, expect, it } from 'vitest';
import { expectClose } from '../../helpers/tolerance.ts';
import { createRandom, hashSeed } from '../../../shared/simulation/random.ts';

const draws = (count: number, draw: () => number) => Array.from({ length: count }, draw);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const variance = (xs: number[]) => {
  const m = mean(xs);
  return mean(xs.map((x) => (x - m) ** 2));
};

describe('createRandom', () => {
  it('repeats its sequence for the same seed and changes it for another', () => {
    expect(draws(5, createRandom(42).next)).toEqual(draws(5, createRandom(42).next));
    expect(draws(5, createRandom(42).next)).not.toEqual(draws(5, createRandom(43).next));
  });

  it('draws uniformly from [0, 1)', () => {
    const xs = draws(20000, createRandom(1).next);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expectClose(mean(xs), 0.5, 0.01);
    expectClose(variance(xs), 1 / 12, 0.003);
  });

  it('draws standard normals', () => {
    const xs = draws(20000, createRandom(2).normal);
    expectClose(mean(xs), 0, 0.03);
    expectClose(variance(xs), 1, 0.04);
  });

  it('draws exponential waiting times with the given mean', () => {
    const random = createRandom(3);
    expectClose(mean(draws(20000, () => random.exponential(0.04))), 0.04, 0.002);
  });

  it('forks streams that depend on the label and not on how much the parent drew', () => {
    const parent = createRandom(9);
    const early = draws(3, parent.fork('noise').next);
    parent.next();
    expect(draws(3, parent.fork('noise').next)).toEqual(early);
    expect(draws(3, parent.fork('tones').next)).not.toEqual(early);
  });

  it('rejects a seed that is not a finite number', () => {
    expect(() => createRandom(Number.NaN)).toThrow(RangeError);
  });
});

describe('hashSeed', () => {
  it('gives stable 32-bit hashes (FNV-1a)', () => {
    expect(hashSeed('')).toBe(0x811c9dc5);
    expect(hashSeed('a')).toBe(0xe40c292c);
    expect(hashSeed('lathe')).not.toBe(hashSeed('lathf'));
  });
});
