/**
 * `auscult speed` as a user runs it: a real process on real files (a simulated lathe recorded at
 * another speed than its profile's, a CWRU record with its own profile), and its usage and input
 * errors as one-line messages with the documented exit status.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeWav } from '../../../shared/audio/wavEncoder.ts';
import { simulateMachine } from '../../../shared/simulation/machineSim.ts';
import { simLatheProfileJson } from '../../../shared/simulation/profiles.ts';
import { auscult, CWRU, expectOneLineError, removeFolder } from './cliFixture.ts';

const RATE_HZ = 16000;
/** The simulated lathe runs 8 % faster than its profile says. */
const SPEED_FACTOR = 1.08;
let folder: string;
const run = (...args: string[]) => auscult(folder, ...args);

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'auscult-speed-'));
  const samples = simulateMachine({
    sampleRateHz: RATE_HZ,
    durationSeconds: 5,
    seed: 31,
    speedFactor: SPEED_FACTOR,
  });
  await writeFile(join(folder, 'fast.wav'), encodeWav([samples], RATE_HZ));
  await writeFile(join(folder, 'profile.json'), JSON.stringify(simLatheProfileJson));
  await writeFile(
    join(folder, 'no-shafts.json'),
    JSON.stringify({ id: 'bare', lineFrequencyHz: 50 }),
  );
  await writeFile(join(folder, 'malformed.json'), '{ "id": ');
  const cwru = JSON.parse(await readFile(join(CWRU, 'inner-race-021-1hp-210.json'), 'utf8'));
  await writeFile(join(folder, 'cwru.json'), JSON.stringify(cwru.profile));
});

afterAll(async () => {
  await removeFolder(folder);
});

describe('auscult speed', () => {
  it('prints each shaft as {"shafts":[{id, rpm, confidence}]} with --json', async () => {
    const result = await run('speed', '--profile', 'profile.json', '--json', 'fast.wav');
    expect(result.status, result.stderr).toBe(0);
    const parsed = JSON.parse(result.stdout) as {
      shafts: { id: string; rpm: number; confidence: number }[];
    };
    expect(parsed.shafts.map((s) => s.id)).toEqual(['spindle', 'x-screw', 'z-screw']);
    for (const shaft of parsed.shafts) {
      expect(Object.keys(shaft)).toEqual(['id', 'rpm', 'confidence']);
      expect(shaft.confidence).toBeGreaterThanOrEqual(0);
      expect(shaft.confidence).toBeLessThanOrEqual(1);
    }
    const spindle = parsed.shafts[0];
    expect(Math.abs(spindle.rpm / (1480 * SPEED_FACTOR) - 1)).toBeLessThan(0.01);
    // Not the profile's speed: the estimate comes from the sound.
    expect(Math.abs(spindle.rpm / 1480 - 1)).toBeGreaterThan(0.05);
  });

  it('prints one line per shaft as text, with the profile speed beside the estimate', async () => {
    const result = await run('speed', '--profile', 'profile.json', 'fast.wav');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Shaft speeds estimated from fast\.wav:\n/);
    expect(result.stdout).toMatch(
      / spindle +1\d{3}\.\d rpm {2}confidence 0\.\d\d {2}\(profile 1480 rpm/,
    );
    expect(result.stdout.trim().split('\n')).toHaveLength(4);
  });

  it('estimates a real motor within 1 % of its logged speed (CWRU 210, 1 hp)', async () => {
    const result = await run(
      'speed',
      '--profile',
      'cwru.json',
      '--json',
      join(CWRU, 'inner-race-021-1hp-210.wav'),
    );
    expect(result.status, result.stderr).toBe(0);
    const [shaft] = (JSON.parse(result.stdout) as { shafts: { rpm: number }[] }).shafts;
    expect(Math.abs(shaft.rpm / 1774 - 1)).toBeLessThan(0.01);
  });

  it('refuses wrong usage with exit status 2', async () => {
    expectOneLineError(await run('speed', 'fast.wav'), 2, /speed: --profile P\.json is required/);
    expectOneLineError(
      await run('speed', '--profile', 'profile.json'),
      2,
      /speed: expected exactly one recording, got 0/,
    );
    expectOneLineError(
      await run('speed', '--profile', 'profile.json', 'fast.wav', 'fast.wav'),
      2,
      /speed: expected exactly one recording, got 2/,
    );
    expectOneLineError(
      await run('speed', '--profile', 'profile.json', '--rpm', 'spindle=1', 'fast.wav'),
      2,
      /speed: .*--rpm/,
    );
  });

  it('refuses unusable input with exit status 1', async () => {
    expectOneLineError(
      await run('speed', '--profile', 'no-shafts.json', 'fast.wav'),
      1,
      /profile "bare" has no shafts/,
    );
    expectOneLineError(await run('speed', '--profile', 'malformed.json', 'fast.wav'), 1, /JSON/);
    expectOneLineError(
      await run('speed', '--profile', 'profile.json', 'missing.wav'),
      1,
      /missing\.wav/,
    );
  });

  it('is listed in auscult --help and has its own help', async () => {
    expect((await run('--help')).stdout).toMatch(/speed --profile P\.json \[--json\] rec\.wav/);
    const help = await run('speed', '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: auscult speed --profile P\.json \[--json\] rec\.wav/);
  });
});

describe('auscult diagnose at the speed from the sound', () => {
  interface SpeedJson {
    shaftId: string;
    rpm: number;
    source: string;
    detail: string;
    detailItem: { code: string; params: Record<string, unknown> };
  }
  const speedsOf = (stdout: string) => (JSON.parse(stdout) as { speeds: SpeedJson[] }).speeds;

  it('uses the estimate without --rpm and says so', async () => {
    const result = await run('diagnose', '--profile', 'profile.json', '--json', 'fast.wav');
    expect(result.status, result.stderr).toBe(0);
    const [spindle] = speedsOf(result.stdout);
    expect(spindle.shaftId).toBe('spindle');
    expect(spindle.source).toBe('estimated');
    expect(Math.abs(spindle.rpm / (1480 * SPEED_FACTOR) - 1)).toBeLessThan(0.01);
    expect(spindle.detail).toMatch(
      /^spindle 1\d{3} rpm, estimated from the sound \(confidence 0\.\d\d\)$/,
    );
    expect(spindle.detailItem.code).toBe('speed-estimated');
  });

  it('uses --rpm where given, and words the speeds in the text report', async () => {
    const json = await run(
      'diagnose',
      '--profile',
      'profile.json',
      '--rpm',
      'spindle=1500',
      '--json',
      'fast.wav',
    );
    expect(speedsOf(json.stdout)[0]).toMatchObject({ rpm: 1500, source: 'given' });
    const text = await run('diagnose', '--profile', 'profile.json', '--lang', 'zh-CN', 'fast.wav');
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(
      /\n采用的转速：\n {2}spindle 1\d{3} r\/min，由声音估计（置信度 0\.\d\d）\n/,
    );
  });
});
