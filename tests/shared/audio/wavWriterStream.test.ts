import { describe, expect, it } from 'vitest';
import { memoryByteSink } from '../../../shared/audio/byteSink.ts';
import type { ByteSink } from '../../../shared/audio/byteSink.ts';
import { encodeWav } from '../../../shared/audio/wavEncoder.ts';
import type { WavSampleEncoding } from '../../../shared/audio/sampleEncoding.ts';
import { createWavWriter, WavWriteError } from '../../../shared/audio/wavWriter.ts';
import { memoryByteSource } from '../../../shared/audio/byteSource.ts';
import { openWav } from '../../../shared/audio/wavReader.ts';

/** Deterministic uniform numbers in [0, 1) (LCG), so a failing case can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Channel c, frame i: a sine per channel, deterministic, so any slice can be rebuilt. */
function tone(channelCount: number, start: number, length: number): Float32Array[] {
  return Array.from({ length: channelCount }, (_, c) => {
    const out = new Float32Array(length);
    for (let i = 0; i < length; i++) out[i] = 0.9 * Math.sin(0.01 * (c + 1) * (start + i));
    return out;
  });
}

/** Index of the first differing byte, or -1 (toEqual is too slow for megabytes). */
function firstDifference(actual: Uint8Array, expected: Uint8Array): number {
  const length = Math.min(actual.length, expected.length);
  for (let i = 0; i < length; i++) if (actual[i] !== expected[i]) return i;
  return actual.length === expected.length ? -1 : length;
}

function headerSizes(bytes: Uint8Array, dataOffsetBytes: number) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    riffSizeBytes: view.getUint32(4, true),
    dataSizeBytes: view.getUint32(dataOffsetBytes - 4, true),
  };
}

const formats: [WavSampleEncoding, number, number][] = [
  ['pcm16', 1, 64],
  ['pcm16', 3, 1000],
  ['float32', 2, 256 * 1024],
  ['float32', 32, 100],
];

describe('createWavWriter', () => {
  it('leaves a valid 0-frame header on the sink before anything is appended', async () => {
    const sink = memoryByteSink();
    await createWavWriter(sink, { sampleRateHz: 8000, channelCount: 1 });
    expect(sink.bytes()).toEqual(encodeWav([new Float32Array(0)], 8000));
  });

  it.each(formats)(
    'after every flush the header covers exactly the frames appended before it (%s, %i channels, buffer %i bytes)',
    async (encoding, channelCount, bufferBytes) => {
      const sink = memoryByteSink();
      const writer = await createWavWriter(sink, {
        sampleRateHz: 16000,
        channelCount,
        encoding,
        bufferBytes,
      });
      const next = random(channelCount);
      const offset = writer.layout.dataOffsetBytes;
      let frames = 0;
      for (let flush = 0; flush < 12; flush++) {
        for (let block = Math.floor(next() * 4); block > 0; block--) {
          const length = Math.floor(next() * 700);
          await writer.append(tone(channelCount, frames, length));
          frames += length;
        }
        expect(await writer.flush()).toBe(frames);
        const bytes = sink.bytes();
        const expected = encodeWav(tone(channelCount, 0, frames), 16000, { encoding });
        expect(bytes.length).toBe(expected.length);
        expect(headerSizes(bytes, offset)).toEqual(headerSizes(expected, offset));
        expect(firstDifference(bytes, expected)).toBe(-1);
        const { info } = await openWav(memoryByteSource(bytes));
        expect(info.frameCount).toBe(frames);
        expect(info.warnings).toEqual([]);
      }
      const summary = await writer.finalize();
      expect(summary.frameCount).toBe(frames);
      expect(summary.fileSizeBytes).toBe(sink.sizeBytes);
      expect(sink.closed).toBe(true);
    },
  );

  it('finalizes to the same bytes encodeWav gives for the whole signal', async () => {
    const sink = memoryByteSink();
    const writer = await createWavWriter(sink, {
      sampleRateHz: 44100,
      channelCount: 2,
      encoding: 'float32',
    });
    for (let start = 0; start < 5000; start += 128) await writer.append(tone(2, start, 128));
    await writer.finalize();
    expect(sink.bytes()).toEqual(encodeWav(tone(2, 0, 5120), 44100, { encoding: 'float32' }));
  });

  it('encodes a block before append returns, so the caller may reuse its arrays', async () => {
    const sink = memoryByteSink();
    const writer = await createWavWriter(sink, { sampleRateHz: 8000, channelCount: 1 });
    const block = new Float32Array([0.25, -0.5]);
    const appended = writer.append([block]);
    block.fill(1);
    await appended;
    await writer.finalize();
    expect(sink.bytes()).toEqual(encodeWav([new Float32Array([0.25, -0.5])], 8000));
  });

  it('keeps queued blocks in order when the caller does not wait between appends', async () => {
    const sink = memoryByteSink();
    const writer = await createWavWriter(sink, {
      sampleRateHz: 8000,
      channelCount: 2,
      bufferBytes: 50,
    });
    const pending = [];
    for (let start = 0; start < 3000; start += 30) pending.push(writer.append(tone(2, start, 30)));
    pending.push(writer.flush());
    await Promise.all(pending);
    expect(sink.bytes()).toEqual(encodeWav(tone(2, 0, 3000), 8000));
  });

  it('hands bytes to the sink once bufferBytes have gathered, keeping none it has written', async () => {
    let received = 0;
    const sink = countingSink((bytes) => (received += bytes));
    const bufferBytes = 64 * 1024;
    const writer = await createWavWriter(sink, {
      sampleRateHz: 48000,
      channelCount: 2,
      bufferBytes,
    });
    received = 0;
    let appended = 0;
    for (let i = 0; i < 400; i++) {
      await writer.append(tone(2, 0, 4096));
      appended += 4096 * 4;
      expect(appended - received).toBeLessThan(bufferBytes);
    }
  });

  it.each([
    ['sampleRateHz', { sampleRateHz: -1, channelCount: 1 }],
    ['channelCount', { sampleRateHz: 8000, channelCount: 33 }],
    ['channelCount', { sampleRateHz: 8000, channelCount: 1.5 }],
    ['encoding', { sampleRateHz: 8000, channelCount: 1, encoding: 'mp3' as 'pcm16' }],
    ['bufferBytes', { sampleRateHz: 8000, channelCount: 1, bufferBytes: 0 }],
  ])('rejects a bad %s before touching the sink', async (name, options) => {
    const sink = memoryByteSink();
    await expect(createWavWriter(sink, options)).rejects.toThrow(RangeError);
    await expect(createWavWriter(sink, options)).rejects.toThrow(name);
    expect(sink.sizeBytes).toBe(0);
  });

  it('rejects a block with the wrong channel count and stays usable', async () => {
    const sink = memoryByteSink();
    const writer = await createWavWriter(sink, { sampleRateHz: 8000, channelCount: 2 });
    await expect(writer.append(tone(1, 0, 10))).rejects.toThrow(/block has 1 channels/);
    await writer.append(tone(2, 0, 10));
    expect(await writer.flush()).toBe(10);
  });

  it('refuses work after finalize', async () => {
    const writer = await createWavWriter(memoryByteSink(), { sampleRateHz: 8000, channelCount: 1 });
    await writer.finalize();
    await expect(writer.append(tone(1, 0, 1))).rejects.toThrow(/finalized/);
    await expect(writer.finalize()).rejects.toThrow(/finalized/);
  });
});

/** A sink that reports how many bytes each write carries (header rewrites included). */
function countingSink(onWrite: (bytes: number) => void): ByteSink {
  const inner = memoryByteSink();
  return {
    ...inner,
    write: (offset, bytes) => (onWrite(bytes.length), inner.write(offset, bytes)),
  };
}

type FailingStep = 'write' | 'sync';

/**
 * A memory sink that behaves like a disk filling up: once `armed`, the chosen operation fails
 * with ENOSPC; a failing write first stores half its bytes, as a short write on a full disk does.
 */
function diskFullSink(step: FailingStep) {
  const inner = memoryByteSink();
  const state = { armed: false, closeCalls: 0 };
  const enospc = () =>
    Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  const sink: ByteSink = {
    async write(offset, bytes) {
      if (state.armed && step === 'write') {
        await inner.write(offset, bytes.subarray(0, bytes.length >> 1));
        throw enospc();
      }
      await inner.write(offset, bytes);
    },
    async sync() {
      if (state.armed && step === 'sync') throw enospc();
    },
    async close() {
      state.closeCalls++;
    },
  };
  return { sink, inner, state };
}

describe('a writer whose disk fills up', () => {
  it.each<FailingStep>(['write', 'sync'])(
    'rejects with ENOSPC when %s fails and leaves the flushed audio valid',
    async (step) => {
      const { sink, inner, state } = diskFullSink(step);
      const writer = await createWavWriter(sink, {
        sampleRateHz: 8000,
        channelCount: 2,
        bufferBytes: 1,
      });
      await writer.append(tone(2, 0, 300));
      expect(await writer.flush()).toBe(300);
      const flushed = inner.bytes();
      state.armed = true;

      const failure = writer.append(tone(2, 300, 200)).then(() => writer.flush());
      await expect(failure).rejects.toThrow(WavWriteError);
      await expect(failure).rejects.toThrow(/ENOSPC.*valid WAV of the 300 frames flushed/);
      expect(writer.failure?.code).toBe('ENOSPC');
      expect(writer.failure?.flushedFrameCount).toBe(300);
      expect(writer.flushedFrameCount).toBe(300);

      // The header and the flushed audio are untouched: the file is still that 300-frame WAV.
      const after = inner.bytes();
      expect(after.subarray(0, flushed.length)).toEqual(flushed);
      expect(flushed).toEqual(encodeWav(tone(2, 0, 300), 8000));
      expect((await openWav(memoryByteSource(after))).info.frameCount).toBe(300);

      await expect(writer.append(tone(2, 0, 1))).rejects.toBe(writer.failure);
      await expect(writer.flush()).rejects.toBe(writer.failure);
      await expect(writer.finalize()).rejects.toBe(writer.failure);
      expect(state.closeCalls).toBe(1);
    },
  );

  it('rejects createWavWriter when the header cannot be written', async () => {
    const { sink, state } = diskFullSink('write');
    state.armed = true;
    await expect(createWavWriter(sink, { sampleRateHz: 8000, channelCount: 1 })).rejects.toThrow(
      /^Could not update the WAV header \(ENOSPC.*\); no valid WAV header was written yet\.$/,
    );
  });
});
