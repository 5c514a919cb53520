import { describe, expect, it } from 'vitest';
import { colormapLut, colourRows } from '../../../renderer/chart/colormap.ts';

const lightness = (lut: Uint8ClampedArray, level: number) =>
  0.2126 * lut[level * 4] + 0.7152 * lut[level * 4 + 1] + 0.0722 * lut[level * 4 + 2];

describe('colormapLut', () => {
  const lut = colormapLut();

  it('holds an opaque colour for each of the 256 levels', () => {
    expect(lut).toHaveLength(1024);
    for (let level = 0; level < 256; level++) expect(lut[level * 4 + 3]).toBe(255);
  });

  it('grows lighter with the level, so it reads in greyscale too', () => {
    for (let level = 1; level < 256; level++) {
      expect(lightness(lut, level)).toBeGreaterThanOrEqual(lightness(lut, level - 1) - 0.5);
    }
    expect(lightness(lut, 255) - lightness(lut, 0)).toBeGreaterThan(200);
  });
});

describe('colourRows', () => {
  const lut = colormapLut();

  it('puts the last (newest) row on top', () => {
    const pixels = colourRows(Uint8Array.from([0, 0, 255, 255]), 2, lut);
    expect([...pixels.subarray(0, 4)]).toEqual([...lut.subarray(255 * 4, 256 * 4)]);
    expect([...pixels.subarray(8, 12)]).toEqual([...lut.subarray(0, 4)]);
  });

  it('rejects levels that are not whole rows', () => {
    expect(() => colourRows(new Uint8Array(3), 2, lut)).toThrow(RangeError);
  });
});
