/** The audio-store contract: every behaviour of AudioStore, as tests that take a harness. */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AudioStore } from '../../../node/store/types.ts';

export interface AudioStoreHarness {
  /** A new, empty store, and a local folder for the test's own files. */
  fresh(): Promise<{ audio: AudioStore; scratch: string }>;
}

const bytes = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 251);

async function* chunksOf(data: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < data.length; offset += size)
    yield data.subarray(offset, offset + size);
}

/** Byte-for-byte equal; toEqual compares typed arrays element by element, seconds for 300 kB. */
function expectSameBytes(actual: Uint8Array, expected: Uint8Array): void {
  expect(actual.length).toBe(expected.length);
  expect(Buffer.compare(Buffer.from(actual), Buffer.from(expected))).toBe(0);
}

export function describeAudioStoreContract(name: string, harness: AudioStoreHarness): void {
  describe(`the audio-store contract: ${name}`, () => {
    let audio: AudioStore;
    let scratch: string;
    beforeEach(async () => {
      ({ audio, scratch } = await harness.fresh());
    });

    it('stores a stream of chunks and gives back any byte range of it', async () => {
      const id = crypto.randomUUID();
      expect(await audio.put(id, chunksOf(bytes, 65_536))).toBe(bytes.length);
      expect(await audio.size(id)).toBe(bytes.length);
      expectSameBytes(await audio.read(id, 0, bytes.length), bytes);
      expectSameBytes(await audio.read(id, 1000, 70_000), bytes.subarray(1000, 70_000));
      expectSameBytes(
        await audio.read(id, bytes.length - 10, bytes.length + 500),
        bytes.subarray(bytes.length - 10),
      );
    });

    it('takes a local file in, which then is no longer where it was', async () => {
      const id = crypto.randomUUID();
      const path = join(scratch, 'in.wav');
      await writeFile(path, bytes);
      expect(await audio.putFile(id, path)).toBe(bytes.length);
      expect(await stat(path).catch(() => null)).toBeNull();
      expectSameBytes(await readFile(await audio.localPath(id)), bytes);
    });

    it('leaves nothing under the id when the stream fails', async () => {
      const id = crypto.randomUUID();
      async function* failing(): AsyncGenerator<Uint8Array> {
        yield bytes.subarray(0, 1000);
        throw new Error('connection dropped');
      }
      await expect(audio.put(id, failing())).rejects.toThrow('connection dropped');
      expect(await audio.size(id)).toBeNull();
    });

    it('removes audio, and removing what is not there is harmless', async () => {
      const id = crypto.randomUUID();
      await audio.put(id, chunksOf(bytes, 100_000));
      await audio.remove(id);
      await audio.remove(id);
      expect(await audio.size(id)).toBeNull();
      await expect(audio.read(id, 0, 10)).rejects.toThrow();
    });
  });
}
