/**
 * Cuts a stream that arrives in blocks of any length into overlapping segments, as if the whole
 * stream were one array: segment j covers samples [j·hop, j·hop + segmentLength). Only the
 * unconsumed tail (< segmentLength samples) is kept between blocks, so memory is bounded.
 */
import type { SampleArray } from './types.ts';

/** Called with the array holding a segment and the segment's first index in that array. */
export type SegmentHandler = (source: SampleArray, start: number) => void;

export class SegmentFramer {
  private readonly segmentLength: number;
  private readonly hopSamples: number;
  /** Always begins at the start of the next segment; holds < segmentLength samples. */
  private readonly pending: Float64Array;
  /** Assembles a segment that straddles the pending tail and the new block. */
  private readonly straddle: Float64Array;
  private pendingLength = 0;
  private segmentTotal = 0;

  constructor(segmentLength: number, hopSamples: number) {
    this.segmentLength = segmentLength;
    this.hopSamples = hopSamples;
    this.pending = new Float64Array(segmentLength);
    this.straddle = new Float64Array(segmentLength);
  }

  /** Samples held back for the next segment (always < segmentLength). */
  get bufferedSampleCount(): number {
    return this.pendingLength;
  }

  /** Segments handed out so far. */
  get segmentCount(): number {
    return this.segmentTotal;
  }

  /** How many segments a block of `blockLength` more samples would complete. */
  segmentsCompletedBy(blockLength: number): number {
    const total = this.pendingLength + blockLength;
    if (total < this.segmentLength) return 0;
    return Math.floor((total - this.segmentLength) / this.hopSamples) + 1;
  }

  /** Feeds the next block; calls `onSegment` once per completed segment, in order. */
  push(block: SampleArray, onSegment: SegmentHandler): void {
    const { segmentLength, hopSamples, pending } = this;
    const pendingLength = this.pendingLength;
    const total = pendingLength + block.length;
    // `start` counts in the virtual stream pending ++ block.
    let start = 0;
    for (; start + segmentLength <= total; start += hopSamples) {
      if (start >= pendingLength) {
        onSegment(block, start - pendingLength);
      } else {
        const fromPending = pendingLength - start;
        this.straddle.set(pending.subarray(start, pendingLength));
        this.straddle.set(block.subarray(0, segmentLength - fromPending), fromPending);
        onSegment(this.straddle, 0);
      }
      this.segmentTotal++;
    }
    // Keep stream[start, total): fewer than segmentLength samples by the loop's exit condition.
    if (start < pendingLength) {
      pending.copyWithin(0, start, pendingLength);
      pending.set(block, pendingLength - start);
    } else {
      pending.set(block.subarray(start - pendingLength), 0);
    }
    this.pendingLength = total - start;
  }

  /** Forgets the buffered tail and the count, ready for a new stream. */
  reset(): void {
    this.pendingLength = 0;
    this.segmentTotal = 0;
  }
}
