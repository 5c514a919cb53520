import { describe, expect, it } from 'vitest';
import { splitFrameRange } from '../../../node/analysis/frameRanges.ts';

describe('splitFrameRange', () => {
  it.each([
    { frameCount: 100, parts: 4, align: 10 },
    { frameCount: 105, parts: 2, align: 4 },
    { frameCount: 28_800_000, parts: 4, align: 4096 },
    { frameCount: 960_000, parts: 9, align: 1024 },
    { frameCount: 7, parts: 3, align: 1 },
  ])(
    'covers [0, $frameCount) contiguously with boundaries at multiples of $align ($parts parts)',
    ({ frameCount, parts, align }) => {
      const ranges = splitFrameRange(frameCount, parts, align);
      expect(ranges.length).toBe(parts);
      expect(ranges[0].startFrame).toBe(0);
      expect(ranges.at(-1)?.endFrame).toBe(frameCount);
      for (let i = 1; i < ranges.length; i++) {
        expect(ranges[i].startFrame).toBe(ranges[i - 1].endFrame);
        expect(ranges[i].startFrame % align).toBe(0);
      }
      const lengths = ranges.map((r) => r.endFrame - r.startFrame);
      expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(2 * align);
    },
  );

  it.each([
    { frameCount: 25, parts: 8, align: 10, expected: 3 },
    { frameCount: 10, parts: 4, align: 10, expected: 1 },
    { frameCount: 0, parts: 4, align: 10, expected: 0 },
  ])(
    'returns $expected non-empty ranges for $frameCount frames, $parts parts, alignment $align',
    ({ frameCount, parts, align, expected }) => {
      const ranges = splitFrameRange(frameCount, parts, align);
      expect(ranges.length).toBe(expected);
      for (const range of ranges) expect(range.endFrame).toBeGreaterThan(range.startFrame);
    },
  );

  it.each([
    { frameCount: -1, parts: 2, align: 4, name: 'frameCount' },
    { frameCount: 1.5, parts: 2, align: 4, name: 'frameCount' },
    { frameCount: 100, parts: 0, align: 4, name: 'parts' },
    { frameCount: 100, parts: 2, align: 0, name: 'alignFrames' },
  ])('rejects a bad $name', ({ frameCount, parts, align, name }) => {
    const split = () => splitFrameRange(frameCount, parts, align);
    expect(split).toThrow(RangeError);
    expect(split).toThrow(name);
  });
});
