/**
 * A colour scale for spectrograms: dark blue (quiet) through purple and orange to pale yellow
 * (loud), monotonic in lightness so it also reads in greyscale and for most colour-blind eyes
 * (stops after matplotlib's "inferno").
 */

/** New spectrogram lines: `levels` holds rows × cells bytes (0 quiet … 255 loud), oldest first. */
export interface SpectrogramRows {
  /** Cells across the frequency axis, evenly spaced on it (log or linear). */
  readonly cells: number;
  readonly levels: Uint8Array;
}

/** [position 0..1, r, g, b] stops. */
const STOPS: readonly (readonly [number, number, number, number])[] = [
  [0, 0, 0, 4],
  [0.2, 40, 11, 84],
  [0.4, 101, 21, 110],
  [0.6, 188, 55, 84],
  [0.8, 249, 142, 9],
  [1, 252, 255, 164],
];

/** RGBA for each of the 256 levels a spectrogram byte can take, 4 bytes per level. */
export function colormapLut(): Uint8ClampedArray {
  const lut = new Uint8ClampedArray(256 * 4);
  for (let level = 0; level < 256; level++) {
    const t = level / 255;
    let s = 1;
    while (s < STOPS.length - 1 && STOPS[s][0] < t) s++;
    const [t0, r0, g0, b0] = STOPS[s - 1];
    const [t1, r1, g1, b1] = STOPS[s];
    const f = (t - t0) / (t1 - t0);
    lut[level * 4] = Math.round(r0 + f * (r1 - r0));
    lut[level * 4 + 1] = Math.round(g0 + f * (g1 - g0));
    lut[level * 4 + 2] = Math.round(b0 + f * (b1 - b0));
    lut[level * 4 + 3] = 255;
  }
  return lut;
}

/** Colours `rows` × `cells` level bytes (row-major) into RGBA pixels, reversing the row order
 * so the last row comes out on top (the newest line of a waterfall). */
export function colourRows(
  levels: Uint8Array,
  cells: number,
  lut: Uint8ClampedArray,
): Uint8ClampedArray<ArrayBuffer> {
  if (!Number.isInteger(cells) || cells < 1 || levels.length % cells !== 0) {
    throw new RangeError('colourRows: levels must hold whole rows of `cells` values');
  }
  const rows = levels.length / cells;
  const out = new Uint8ClampedArray(levels.length * 4);
  for (let row = 0; row < rows; row++) {
    const target = (rows - 1 - row) * cells * 4;
    for (let c = 0; c < cells; c++) {
      const level = levels[row * cells + c] * 4;
      const o = target + c * 4;
      out[o] = lut[level];
      out[o + 1] = lut[level + 1];
      out[o + 2] = lut[level + 2];
      out[o + 3] = 255;
    }
  }
  return out;
}
