import { describe, expect, it } from 'vitest';
import {
  chunkSamplesFor,
  littleEndianFloat32,
  RecordingChunker,
} from '../../../../renderer/features/record/recordingChunker.ts';

function readLittleEndian(buffer: ArrayBuffer): number[] {
  const view = new DataView(buffer);
  return Array.from({ length: buffer.byteLength / 4 }, (_, i) => view.getFloat32(i * 4, true));
}

const ramp = (n: number, from = 0) => Float32Array.from({ length: n }, (_, i) => (from + i) / 1024);

describe('chunkSamplesFor', () => {
  it.each([
    [48_000, 0.2, 9600],
    [44_100, 0.2, 8820],
    [8000, 0.25, 2000],
  ])('at %i Hz, chunks of %f s hold %i samples', (rate, seconds, samples) => {
    expect(chunkSamplesFor(rate, seconds)).toBe(samples);
  });

  it('rejects a rate that is not positive', () => {
    expect(() => chunkSamplesFor(0)).toThrow(RangeError);
  });
});

describe('RecordingChunker', () => {
  it('cuts blocks of any length into whole chunks holding the samples in order', () => {
    const chunker = new RecordingChunker(100);
    const chunks = [...chunker.push(ramp(70)), ...chunker.push(ramp(200, 70))];
    expect(chunks.map((c) => c.byteLength)).toEqual([400, 400]);
    const rest = chunker.flush();
    expect(rest?.byteLength).toBe(280);
    const samples = [...chunks, rest as ArrayBuffer].flatMap(readLittleEndian);
    expect(samples).toEqual([...ramp(270)]);
  });

  it('has nothing to flush when the last chunk was whole, and starts afresh after a flush', () => {
    const chunker = new RecordingChunker(10);
    chunker.push(ramp(20));
    expect(chunker.flush()).toBeNull();
    chunker.push(ramp(3));
    chunker.flush();
    expect(chunker.push(ramp(10))).toHaveLength(1);
  });

  it('does not change or keep the blocks it is given', () => {
    const block = ramp(15);
    const chunker = new RecordingChunker(10);
    const [chunk] = chunker.push(block);
    new Float32Array(chunk).fill(9);
    expect([...block]).toEqual([...ramp(15)]);
  });

  it.each([[0], [1.5], [-3]])('rejects chunks of %f samples', (size) => {
    expect(() => new RecordingChunker(size)).toThrow(RangeError);
  });
});

describe('littleEndianFloat32', () => {
  it('copies a view on part of a buffer', () => {
    const whole = ramp(8);
    const bytes = littleEndianFloat32(whole.subarray(2, 5));
    expect(bytes.byteLength).toBe(12);
    expect(readLittleEndian(bytes)).toEqual([...whole.subarray(2, 5)]);
  });
});
