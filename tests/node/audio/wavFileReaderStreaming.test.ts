import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { openWavFile } from '../../../node/audio/openWavFile.ts';
import {
  chunk,
  concat,
  ds64Payload,
  fmtPayload,
  riff,
  sampleBytes,
} from '../../helpers/wavBytes.ts';
import { expectArraysClose } from '../../helpers/tolerance.ts';

// Blocks are fresh arrays, so V8 lets up to its external-memory limit (about 64 MB) of
// collectable garbage pile up before it collects; forcing a collection now and then makes the
// measurement show what the reader holds on to, which is what streaming is about.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

let folder = '';
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'auscult-stream-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Writes `header`, extends the file to `totalBytes` (sparse zeros), then writes `patches`. */
async function writeSparse(
  file: string,
  header: Uint8Array,
  totalBytes: number,
  patches: { offsetBytes: number; bytes: Uint8Array }[],
): Promise<void> {
  const handle = await open(file, 'w');
  try {
    await handle.write(header, 0, header.length, 0);
    await handle.truncate(totalBytes);
    for (const patch of patches) {
      await handle.write(patch.bytes, 0, patch.bytes.length, patch.offsetBytes);
    }
  } finally {
    await handle.close();
  }
}

describe('reading large WAV files from disk', () => {
  it('streams a 200 MB file block by block with far less memory than its size', async () => {
    const file = path.join(folder, 'large.wav');
    const dataBytes = 200 * 1024 * 1024; // 16-bit stereo: 52 428 800 frames
    const frameCount = dataBytes / 4;
    const header = riff([
      chunk('fmt ', fmtPayload({ channelCount: 2 })),
      chunk('data', [], { sizeField: dataBytes }),
    ]);
    const lastFrame = 44 + dataBytes - 4;
    await writeSparse(file, header, 44 + dataBytes, [
      { offsetBytes: 44, bytes: sampleBytes('pcm16', [16384, 16384]) },
      { offsetBytes: lastFrame, bytes: sampleBytes('pcm16', [-32768, 0]) },
    ]);
    await using reader = await openWavFile(file);
    expect(reader.info.frameCount).toBe(frameCount);
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    let frames = 0;
    let first = Number.NaN;
    let last = Number.NaN;
    let blockCount = 0;
    for await (const block of reader.blocks(65_536)) {
      if (++blockCount % 32 === 0) collectGarbage();
      if (frames === 0) first = block[0];
      frames += block.length;
      last = block[block.length - 1];
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
    const growthMb = (peakRss - rssBefore) / 2 ** 20;
    expect(frames).toBe(frameCount);
    expectArraysClose([first, last], [0.5, -0.5], 1e-7);
    expect(growthMb).toBeLessThan(64);
  }, 20_000);

  it('reads the end of a sparse 4.5 GiB RF64 file through its ds64 sizes', async () => {
    const file = path.join(folder, 'huge.rf64.wav');
    const dataBytes = 4.5 * 2 ** 30; // 16-bit mono: beyond 2^32 bytes
    const header = riff(
      [
        chunk(
          'ds64',
          ds64Payload({ riffSize: 0, dataSize: dataBytes, sampleCount: dataBytes / 2 }),
        ),
        chunk('fmt ', fmtPayload({ sampleRateHz: 96_000 })),
      ],
      { magic: 'RF64', sizeField: 0xffffffff },
    );
    const dataHeader = concat(chunk('data', []).subarray(0, 4), [0xff, 0xff, 0xff, 0xff]);
    const dataOffset = header.length + 8;
    const tail = sampleBytes('pcm16', [1000, -2000, 3000, -4000]);
    await writeSparse(file, concat(header, dataHeader), dataOffset + dataBytes, [
      { offsetBytes: dataOffset + dataBytes - tail.length, bytes: tail },
    ]);
    await using reader = await openWavFile(file);
    expect(reader.info).toMatchObject({
      container: 'RF64',
      frameCount: dataBytes / 2,
      dataOffsetBytes: dataOffset,
      dataSizeBytes: dataBytes,
      warnings: [],
    });
    const end = await reader.readFrames(reader.info.frameCount - 5, 5);
    expectArraysClose(
      end,
      [0, 1000, -2000, 3000, -4000].map((v) => v / 32768),
      1e-7,
      1e-9,
    );
  });
});
