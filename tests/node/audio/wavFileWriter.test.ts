import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWavFileWriter } from '../../../node/audio/wavFileWriter.ts';
import { encodeWav } from '../../../shared/audio/wavEncoder.ts';
import { decodeWav } from '../../../shared/audio/wavReader.ts';
import { WavWriteError } from '../../../shared/audio/wavWriter.ts';
import { streamedBlock } from './fixtures/streamedSignal.ts';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'auscult-wav-writer-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const fileBytes = async (path: string) => new Uint8Array(await readFile(path));

describe('createWavFileWriter', () => {
  it('leaves a readable WAV on disk after every flush, and the exact file after finalize', async () => {
    const path = join(folder, 'flushes.wav');
    const writer = await createWavFileWriter(path, { sampleRateHz: 48000, channelCount: 2 });
    expect((await decodeWav(await fileBytes(path))).info.frameCount).toBe(0);
    let frames = 0;
    for (const length of [1, 4799, 480, 0, 12000]) {
      await writer.append(streamedBlock(2, frames, length));
      frames += length;
      expect(await writer.flush()).toBe(frames);
      const { info } = await decodeWav(await fileBytes(path));
      expect(info.frameCount).toBe(frames);
      expect(info.warnings).toEqual([]);
    }
    const summary = await writer.finalize();
    expect(summary.fileSizeBytes).toBe((await stat(path)).size);
    expect(await fileBytes(path)).toEqual(encodeWav(streamedBlock(2, 0, frames), 48000));
  });

  it('refuses to overwrite an existing file and leaves it as it was', async () => {
    const path = join(folder, 'existing.wav');
    await writeFile(path, 'precious');
    const attempt = createWavFileWriter(path, { sampleRateHz: 8000, channelCount: 1 });
    await expect(attempt).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(path, 'utf8')).toBe('precious');
  });

  it('replaces an existing file when asked to', async () => {
    const path = join(folder, 'replaced.wav');
    await writeFile(path, 'old content, longer than a WAV header of forty-four bytes....');
    const writer = await createWavFileWriter(path, {
      sampleRateHz: 8000,
      channelCount: 1,
      encoding: 'float32',
      overwrite: true,
    });
    await writer.finalize();
    expect(await fileBytes(path)).toEqual(
      encodeWav([new Float32Array(0)], 8000, { encoding: 'float32' }),
    );
  });

  it('creates no file when an option is bad', async () => {
    const path = join(folder, 'never.wav');
    const attempt = createWavFileWriter(path, { sampleRateHz: 8000, channelCount: 0 });
    await expect(attempt).rejects.toThrow(/channelCount/);
    await expect(stat(path)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  // /dev/full is Linux's always-full device: a real ENOSPC from the kernel through the file sink.
  it.runIf(existsSync('/dev/full'))('turns a real ENOSPC into a clear WavWriteError', async () => {
    const attempt = createWavFileWriter('/dev/full', {
      sampleRateHz: 8000,
      channelCount: 1,
      overwrite: true,
    });
    await expect(attempt).rejects.toThrow(WavWriteError);
    await expect(attempt).rejects.toMatchObject({
      code: 'ENOSPC',
      message: expect.stringMatching(/^Could not update the WAV header \(ENOSPC: no space left/),
    });
  });

  it('rejects with the fs error when the folder does not exist', async () => {
    const path = join(folder, 'missing-folder', 'a.wav');
    const attempt = createWavFileWriter(path, { sampleRateHz: 8000, channelCount: 1 });
    await expect(attempt).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
