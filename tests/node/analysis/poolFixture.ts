/**
 * What the analysis-pool tests share: a two-second simulated WAV written once per test file, and
 * spectra-job options for it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { SpectraJobOptions } from '../../../node/analysis/spectraJob.ts';
import { resolveWelchSettings } from '../../../shared/dsp/welchSegments.ts';
import { SAMPLE_RATE_HZ, machineSignal, writeWav } from './machineWav.ts';

export const FRAMES = SAMPLE_RATE_HZ * 2;

export const jobOptions: SpectraJobOptions = {
  welch: resolveWelchSettings('test', SAMPLE_RATE_HZ, { segmentLength: 1024 }),
  envelope: null,
  channel: 'mix',
  blockFrames: 4096,
  wasmFft: false,
  frameCount: FRAMES,
};

/**
 * Writes the WAV in a fresh temporary folder before the file's tests and removes the folder
 * after them; `path` and `folder` are set once written (tests may put more files there).
 */
export function twoSecondWav(): { path: string; folder: string } {
  const wav = { path: '', folder: '' };
  beforeAll(async () => {
    wav.folder = await mkdtemp(path.join(tmpdir(), 'auscult-pool-'));
    wav.path = path.join(wav.folder, 'two-seconds.wav');
    await writeWav(wav.path, [machineSignal(2)], 'pcm16');
  });
  afterAll(async () => {
    await rm(wav.folder, { recursive: true, force: true });
  });
  return wav;
}
