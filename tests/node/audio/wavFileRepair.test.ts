import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repairWavFile } from '../../../node/audio/wavFileRepair.ts';
import { encodeWav } from '../../../shared/audio/wavEncoder.ts';
import { WavRepairError } from '../../../shared/audio/wavRepair.ts';
import { streamedBlock } from './fixtures/streamedSignal.ts';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'auscult-wav-repair-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

function withSizes(bytes: Uint8Array, riffSize: number, dataSize: number): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  view.setUint32(4, riffSize, true);
  view.setUint32(40, dataSize, true);
  return copy;
}

describe('repairWavFile', () => {
  it('rewrites the stale sizes in place and cuts the partial last frame', async () => {
    const whole = encodeWav(streamedBlock(2, 0, 1000), 48000);
    const cut = withSizes(whole, 36, 0).subarray(0, whole.length - 4 * 100 + 3);
    const path = join(folder, 'stale.wav');
    await writeFile(path, cut);
    const plan = await repairWavFile(path);
    expect(plan.changed).toBe(true);
    expect(plan.frameCount).toBe(900);
    expect(new Uint8Array(await readFile(path))).toEqual(
      encodeWav(streamedBlock(2, 0, 900), 48000),
    );
  });

  it('does not write to a file that is already valid', async () => {
    const path = join(folder, 'valid.wav');
    await writeFile(path, encodeWav(streamedBlock(1, 0, 64), 8000));
    const before = await stat(path);
    const plan = await repairWavFile(path);
    expect(plan.changed).toBe(false);
    expect((await stat(path)).mtimeMs).toBe(before.mtimeMs);
    expect(new Uint8Array(await readFile(path))).toEqual(encodeWav(streamedBlock(1, 0, 64), 8000));
  });

  it('refuses a file without a data chunk and leaves it untouched', async () => {
    const path = join(folder, 'no-data.wav');
    const headerOnly = encodeWav(streamedBlock(1, 0, 0), 8000).subarray(0, 36);
    await writeFile(path, headerOnly);
    await expect(repairWavFile(path)).rejects.toThrow(WavRepairError);
    await expect(repairWavFile(path)).rejects.toThrow(/no data chunk/);
    expect(new Uint8Array(await readFile(path))).toEqual(headerOnly);
  });

  it('rejects with the fs error for a missing file', async () => {
    await expect(repairWavFile(join(folder, 'absent.wav'))).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});
