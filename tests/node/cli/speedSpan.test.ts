/**
 * A baseline over several speeds through the command line: `auscult baseline` on six simulated
 * lathe recordings at 0.85×, 1.0× and 1.15× estimates each one's speed from its sound and keeps
 * them; `auscult diagnose` then calls a recording at 1.3× "outside the speeds of the baseline" in
 * words (English and Chinese) and in JSON, and a healthy one at 1.1× normal.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeWav } from '../../../shared/audio/wavEncoder.ts';
import { simulateMachine } from '../../../shared/simulation/machineSim.ts';
import { simLatheProfileJson } from '../../../shared/simulation/profiles.ts';
import { readBaselineFile } from '../../../node/diagnosis/jsonFiles.ts';
import { auscult, removeFolder } from './cliFixture.ts';

const RATE_HZ = 48000;
const HEALTHY = [0.85, 0.85, 1, 1, 1.15, 1.15];
let folder: string;
const run = (...args: string[]) => auscult(folder, ...args);

function lathe(seed: number, speedFactor: number): Uint8Array {
  const samples = simulateMachine({ sampleRateHz: RATE_HZ, durationSeconds: 4, seed, speedFactor });
  return encodeWav([samples], RATE_HZ);
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'auscult-speeds-'));
  await writeFile(join(folder, 'profile.json'), JSON.stringify(simLatheProfileJson));
  for (const [i, factor] of HEALTHY.entries()) {
    await writeFile(join(folder, `healthy-${i}.wav`), lathe(i + 1, factor));
  }
  await writeFile(join(folder, 'fast.wav'), lathe(40, 1.3));
  await writeFile(join(folder, 'between.wav'), lathe(41, 1.1));
  const names = HEALTHY.map((_, i) => `healthy-${i}.wav`);
  const built = await run('baseline', '--profile', 'profile.json', '--out', 'span.json', ...names);
  expect(built.status, built.stderr).toBe(0);
}, 180_000);

afterAll(async () => {
  await removeFolder(folder);
});

describe('a baseline over several speeds on the command line', () => {
  it('keeps each recording’s speed and three speed groups', async () => {
    const baseline = await readBaselineFile(join(folder, 'span.json'));
    expect(baseline.speeds?.shaftId).toBe('spindle');
    expect(baseline.speeds?.itemRpm).toHaveLength(6);
    expect(baseline.speeds?.groups.map((g) => Math.round(g.rpm / 148) / 10)).toEqual([0.9, 1, 1.2]);
  });

  it('says a recording at 1.3× is outside the speeds of the baseline, in words and JSON', async () => {
    const en = await run('diagnose', '--baseline', 'span.json', 'fast.wav');
    expect(en.status, en.stderr).toBe(0);
    expect(en.stdout).toMatch(
      /Outside the speeds of the baseline: spindle at 19\d\d rpm, the baseline covers 12\d\d–17\d\d rpm\. No fault was judged\./,
    );
    expect(en.stdout).not.toMatch(/Likely causes|No fault found/);
    const zh = await run('diagnose', '--baseline', 'span.json', '--lang', 'zh-CN', 'fast.wav');
    expect(zh.stdout).toMatch(
      /超出基线的转速范围：spindle 为 19\d\d r\/min，基线覆盖 12\d\d–17\d\d r\/min/,
    );
    const json = JSON.parse(
      (await run('diagnose', '--baseline', 'span.json', '--json', 'fast.wav')).stdout,
    );
    expect(json.anomalous).toBe(false);
    expect(json.causes).toEqual([]);
    expect(json.outsideSpeeds.code).toBe('outside-baseline-speeds');
    expect(json.outsideSpeeds.params.rpm).toBeGreaterThan(json.outsideSpeeds.params.highRpm);
    expect(json.outsideSpeeds.verdict).toMatch(/^Outside the speeds of the baseline/);
  }, 90_000);

  it('finds a healthy recording at 1.1× normal', async () => {
    const result = await run('diagnose', '--baseline', 'span.json', '--json', 'between.wav');
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.outsideSpeeds).toBeUndefined();
    expect(json.anomalous).toBe(false);
  }, 60_000);
});
