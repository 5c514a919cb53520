/**
 * The recordings of the feature goldens (tests/fixtures/featureGoldens.json): simulated lathe
 * recordings written as WAV (short, long enough for range workers, stereo) and two CWRU files,
 * with the stretches to analyse. The fixture holds a digest of each one's RecordingFeatures as
 * computed before the analysis pool existed (scripts/goldens/features.ts); analyze, diagnose and
 * baseline are pure functions of those features, so equal features mean equal reports.
 */
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeWav } from '../../shared/audio/wavEncoder.ts';
import type { RecordingFeatures } from '../../shared/diagnosis/features/types.ts';
import { simulateMachine } from '../../shared/simulation/machineSim.ts';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const CWRU = resolve(root, '..', 'shared', 'data', 'cwru');
const FS = 16000;

export const GOLDEN_FIXTURE = join(root, 'tests', 'fixtures', 'featureGoldens.json');

export interface GoldenCase {
  readonly name: string;
  readonly path: string;
  readonly range?: { readonly startFrame: number; readonly frameCount: number };
}

/** Writes the simulated recordings into `folder`; returns every case, CWRU files included. */
export async function writeGoldenRecordings(folder: string): Promise<GoldenCase[]> {
  const sim = (seconds: number, seed: number) =>
    simulateMachine({ sampleRateHz: FS, durationSeconds: seconds, seed });
  const short = join(folder, 'short.wav');
  const long = join(folder, 'long.wav');
  const stereo = join(folder, 'stereo.wav');
  await writeFile(short, encodeWav([sim(12, 3)], FS));
  await writeFile(long, encodeWav([sim(45, 4)], FS));
  await writeFile(stereo, encodeWav([sim(8, 5), sim(8, 6)], FS));
  return [
    { name: 'simulated 12 s', path: short },
    {
      name: 'simulated 12 s, 3 s stretch',
      path: short,
      range: { startFrame: FS, frameCount: 3 * FS },
    },
    { name: 'simulated 45 s (range workers)', path: long },
    {
      name: 'simulated 45 s, 35 s stretch',
      path: long,
      range: { startFrame: 5 * FS, frameCount: 35 * FS },
    },
    { name: 'simulated stereo 8 s', path: stereo },
    { name: 'CWRU normal 48 kHz', path: join(CWRU, 'normal-97-0hp-48k.wav') },
    { name: 'CWRU inner race 12 kHz', path: join(CWRU, 'inner-race-021-1hp-210.wav') },
  ];
}

/** SHA-256 of the features as JSON: equal digests, byte-identical results. */
export function featuresDigest(features: RecordingFeatures): string {
  // The goldens predate the modulation spectrum and the short-time energy quantiles: every
  // other field must be as it was.
  const later = ['modulation', 'temporal'];
  const before = Object.fromEntries(Object.entries(features).filter(([k]) => !later.includes(k)));
  return createHash('sha256').update(JSON.stringify(before)).digest('hex');
}
