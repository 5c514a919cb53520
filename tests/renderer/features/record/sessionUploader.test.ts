import { describe, expect, it } from 'vitest';
import type { SessionProgress } from '../../../../shared/api/contract.ts';
import { SessionUploader } from '../../../../renderer/features/record/sessionUploader.ts';

const RATE = 1000;
const chunkOf = (samples: number, value = 0) => new Float32Array(samples).fill(value).buffer;

/** A host whose appends wait until the test lets them finish, one by one. */
function slowHost() {
  const pending: { chunk: ArrayBuffer; finish: (error?: Error) => void }[] = [];
  const seen: number[] = [];
  let written = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const append = (chunk: ArrayBuffer) =>
    new Promise<SessionProgress>((resolve, reject) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      seen.push(new Float32Array(chunk)[0]);
      pending.push({
        chunk,
        finish: (error) => {
          inFlight--;
          if (error) return reject(error);
          written += chunk.byteLength / 4 / RATE;
          resolve({ sessionId: 's', writtenSeconds: written });
        },
      });
    });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { append, pending, seen, maxInFlight: () => maxInFlight, settle };
}

describe('SessionUploader', () => {
  it('sends chunks in order, one request at a time, and reports each acknowledgement', async () => {
    const host = slowHost();
    const progress: number[] = [];
    const uploader = new SessionUploader({
      append: host.append,
      sampleRateHz: RATE,
      onProgress: (p) => progress.push(p.writtenSeconds),
    });
    for (const value of [1, 2, 3]) expect(uploader.enqueue(chunkOf(200, value))).toBe(true);
    const drained = uploader.drain();
    for (let i = 0; i < 3; i++) {
      await host.settle();
      host.pending[i].finish();
    }
    await drained;
    expect(host.seen).toEqual([1, 2, 3]);
    expect(host.maxInFlight()).toBe(1);
    expect(progress).toEqual([0.2, 0.4, 0.6000000000000001]);
    expect(uploader.backlogSeconds).toBe(0);
  });

  it('refuses a chunk that would let the backlog pass its limit, and accepts again once it shrinks', async () => {
    const host = slowHost();
    const uploader = new SessionUploader({
      append: host.append,
      sampleRateHz: RATE,
      onProgress: () => {},
      maxBacklogSeconds: 1,
    });
    for (let i = 0; i < 5; i++) expect(uploader.enqueue(chunkOf(200))).toBe(true);
    expect(uploader.backlogSeconds).toBe(1);
    expect(uploader.enqueue(chunkOf(200))).toBe(false);
    await host.settle();
    host.pending[0].finish();
    await host.settle();
    expect(uploader.backlogSeconds).toBeCloseTo(0.8, 12);
    expect(uploader.enqueue(chunkOf(200))).toBe(true);
  });

  it('stops at the first failed append: drain rejects with its error, nothing more is queued', async () => {
    const host = slowHost();
    const uploader = new SessionUploader({
      append: host.append,
      sampleRateHz: RATE,
      onProgress: () => {},
    });
    uploader.enqueue(chunkOf(10, 1));
    uploader.enqueue(chunkOf(10, 2));
    const drained = uploader.drain();
    await host.settle();
    host.pending[0].finish(new Error('disk full'));
    await expect(drained).rejects.toThrow('disk full');
    expect(host.seen).toEqual([1]);
    expect(uploader.enqueue(chunkOf(10))).toBe(false);
    expect((uploader.error as Error).message).toBe('disk full');
  });

  it.each([
    [0, 10],
    [RATE, 0],
  ])('rejects a sample rate of %f or a backlog limit of %f s', (rate, limit) => {
    expect(
      () =>
        new SessionUploader({
          append: async () => ({ sessionId: 's', writtenSeconds: 0 }),
          sampleRateHz: rate,
          onProgress: () => {},
          maxBacklogSeconds: limit,
        }),
    ).toThrow(RangeError);
  });
});
