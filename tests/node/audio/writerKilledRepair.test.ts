import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repairWavFile } from '../../../node/audio/wavFileRepair.ts';
import { openWavFile } from '../../../node/audio/openWavFile.ts';
import type { WavSampleEncoding } from '../../../shared/audio/sampleEncoding.ts';
import { streamedSample } from './fixtures/streamedSignal.ts';

const child = join(import.meta.dirname, 'fixtures', 'streamWavChild.ts');
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'auscult-killed-writer-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

interface KilledRun {
  /** The largest "flushed N" the child printed before it died. */
  flushedFrames: number;
  flushCount: number;
}

/** Runs the streaming child and SIGKILLs it `killAfterMs` after its first completed flush. */
function runAndKill(args: string[], killAfterMs: number): Promise<KilledRun> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, [child, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    process_.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      timer ??= setTimeout(() => process_.kill('SIGKILL'), killAfterMs);
    });
    process_.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    process_.on('error', reject);
    process_.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`child exited on its own: ${stderr}`));
      const counts = [...stdout.matchAll(/^flushed (\d+)$/gm)].map((m) => Number(m[1]));
      resolve({ flushedFrames: Math.max(...counts), flushCount: counts.length });
    });
  });
}

/** Deterministic kill delays and seeds, so a failure can be replayed. */
const runs: [WavSampleEncoding, number, number, number][] = [
  ['pcm16', 1, 11, 130],
  ['pcm16', 2, 22, 470],
  ['float32', 2, 33, 260],
  ['pcm16', 3, 44, 610],
  ['float32', 1, 55, 50],
];

describe('a streaming writer killed with SIGKILL', () => {
  it.each(runs)(
    'repairs to at least every flushed frame, with the generated content (%s, %i channels, seed %i, killed %i ms after the first flush)',
    async (encoding, channelCount, seed, killAfterMs) => {
      const path = join(folder, `killed-${seed}.wav`);
      const run = await runAndKill(
        [path, String(channelCount), encoding, String(seed)],
        killAfterMs,
      );
      expect(run.flushCount).toBeGreaterThanOrEqual(1);

      const plan = await repairWavFile(path);
      // Usually more: the child hands audio to the file every 8 KiB, between flushes too.
      expect(plan.frameCount).toBeGreaterThanOrEqual(run.flushedFrames);

      expect((await stat(path)).size).toBe(plan.truncateToBytes);
      const tolerance = encoding === 'pcm16' ? 1 / 32768 : 1e-7;
      await using reader = await openWavFile(path);
      expect(reader.info.warnings).toEqual([]);
      expect(reader.info.frameCount).toBe(plan.frameCount);
      for (let c = 0; c < channelCount; c++) {
        const samples = await reader.readFrames(0, plan.frameCount, { channel: c });
        let worst = 0;
        for (let i = 0; i < samples.length; i++) {
          worst = Math.max(worst, Math.abs(samples[i] - streamedSample(c, i)));
        }
        expect(worst).toBeLessThanOrEqual(tolerance);
      }
      const again = await repairWavFile(path);
      expect(again.changed).toBe(false);
    },
  );
});
