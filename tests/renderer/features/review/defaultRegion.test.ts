import { describe, expect, it } from 'vitest';
import {
  defaultRegion,
  MIN_REGION_SECONDS,
  normaliseRegion,
} from '../../../../renderer/features/review/defaultRegion.ts';
import { expectClose } from '../../../helpers/tolerance.ts';

describe('defaultRegion', () => {
  it.each([
    [4, 0.2, 3.8],
    [10, 0.5, 9.5],
    [3600, 0.5, 3599.5],
    [1, 0.05, 0.95],
  ])('leaves out the transients of a %d s recording: %d to %d s', (duration, start, end) => {
    const region = defaultRegion(duration);
    expectClose(region.startSeconds, start, 1e-12);
    expectClose(region.endSeconds, end, 1e-12);
  });

  it.each([0, -1, NaN, Infinity])('rejects a duration of %d s', (duration) => {
    expect(() => defaultRegion(duration)).toThrow(RangeError);
  });
});

describe('normaliseRegion', () => {
  it('puts reversed ends in order and rounds them to 1 ms', () => {
    expect(normaliseRegion({ startSeconds: 3.00049, endSeconds: 1.2344 }, 4)).toEqual({
      startSeconds: 1.234,
      endSeconds: 3,
    });
  });

  it('clamps the region into the recording', () => {
    expect(normaliseRegion({ startSeconds: -1, endSeconds: 9 }, 4)).toEqual({
      startSeconds: 0,
      endSeconds: 4,
    });
  });

  it('widens a region shorter than the host analyses, keeping it inside the recording', () => {
    expect(MIN_REGION_SECONDS).toBe(0.5);
    expect(normaliseRegion({ startSeconds: 1, endSeconds: 1.1 }, 4)).toEqual({
      startSeconds: 1,
      endSeconds: 1.5,
    });
    expect(normaliseRegion({ startSeconds: 3.9, endSeconds: 4 }, 4)).toEqual({
      startSeconds: 3.5,
      endSeconds: 4,
    });
  });
});
