/**
 * Cutting a recording's frames into contiguous ranges for parallel workers. Boundaries fall on
 * multiples of an alignment (the Welch hop), so that the segments each worker starts inside its
 * own range are, together, exactly the segments one pass over the whole file would take.
 */

/** Frames [startFrame, endFrame) of a file. */
export interface FrameRange {
  readonly startFrame: number;
  readonly endFrame: number;
}

/**
 * Splits frames [0, frameCount) into at most `parts` contiguous, non-empty ranges of nearly
 * equal length whose inner boundaries are multiples of `alignFrames`; the last range ends at
 * `frameCount`. Fewer ranges come back when there are fewer aligned units than parts.
 * Throws RangeError naming a bad argument.
 */
export function splitFrameRange(
  frameCount: number,
  parts: number,
  alignFrames: number,
): FrameRange[] {
  if (!Number.isSafeInteger(frameCount) || frameCount < 0) {
    throw new RangeError(`splitFrameRange: frameCount must be an integer >= 0, got ${frameCount}`);
  }
  if (!Number.isSafeInteger(parts) || parts < 1) {
    throw new RangeError(`splitFrameRange: parts must be an integer >= 1, got ${parts}`);
  }
  if (!Number.isSafeInteger(alignFrames) || alignFrames < 1) {
    throw new RangeError(
      `splitFrameRange: alignFrames must be an integer >= 1, got ${alignFrames}`,
    );
  }
  const units = Math.ceil(frameCount / alignFrames);
  const count = Math.min(parts, units);
  const ranges: FrameRange[] = [];
  for (let i = 0; i < count; i++) {
    const startFrame = Math.round((i * units) / count) * alignFrames;
    const endFrame = Math.min(frameCount, Math.round(((i + 1) * units) / count) * alignFrames);
    if (endFrame > startFrame) ranges.push({ startFrame, endFrame });
  }
  return ranges;
}
