/**
 * The committed phone-format fixtures decode to the file's own rate and length and to nearly the
 * same sound as the WAV they were encoded from (the simulator makes that WAV again), and the
 * worn gear is found through every decodable format as through the WAV.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeToWavFile } from '../../../../node/audio/decoders/decodeToWav.ts';
import { decodeWavFile } from '../../../../node/audio/openWavFile.ts';
import { buildBaselineFromSegments, diagnoseFile } from '../../../../node/diagnosis/pipeline.ts';
import { CompressedFormatError } from '../../../../shared/audio/compressed/formatError.ts';
import { sniffContent } from '../../../../shared/audio/compressed/sniff.ts';
import { encodeWav } from '../../../../shared/audio/wavEncoder.ts';
import { welch } from '../../../../shared/dsp/welch.ts';
import { simulateMachine } from '../../../../shared/simulation/machineSim.ts';
import { simLatheProfile } from '../../../../shared/simulation/profiles.ts';
import {
  CODEC_FIXTURES,
  FIXTURE_SECONDS,
  fixtureSimulation,
} from '../../../fixtures/codecs/sources.ts';
import type { FixtureKind } from '../../../fixtures/codecs/sources.ts';
import { FIXTURES, fixture } from './hostileFiles.ts';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'auscult-codecs-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

const decodable = CODEC_FIXTURES.filter((f) => f.decodes);

/** Samples per codec frame: the decoded length may differ from the source's by one. */
const FRAME_SAMPLES: Readonly<Record<string, number>> = {
  mp3: 1152,
  opus: 960,
  vorbis: 2048,
  flac: 4096,
  'amr-nb': 160,
  'amr-wb': 320,
};

let decodeCount = 0;

async function decode(name: string) {
  const path = join(FIXTURES, name);
  const sniffed = sniffContent(fixture(name).subarray(0, 64));
  if (sniffed.kind !== 'audio' || sniffed.container === 'wav') throw new Error('not compressed');
  const target = join(folder, `${name}-${++decodeCount}.wav`);
  const decoded = await decodeToWavFile(path, target, sniffed.container);
  return { decoded, target, wav: await decodeWavFile(target) };
}

async function sourceWav(kind: FixtureKind, sampleRateHz: number): Promise<string> {
  const path = join(folder, `${kind}-${sampleRateHz}.wav`);
  await writeFile(
    path,
    encodeWav([simulateMachine(fixtureSimulation(kind, sampleRateHz))], sampleRateHz),
  );
  return path;
}

/** Power in octave bands from `lowHz` up to `topHz`, in dB. */
function octaveBandsDb(
  samples: Float32Array | Float64Array,
  rateHz: number,
  lowHz: number,
  topHz: number,
) {
  const psd = welch(samples, rateHz, { segmentLength: 2048 });
  const bands: number[] = [];
  for (let low = lowHz; low * 2 <= topHz; low *= 2) {
    let power = 0;
    psd.frequenciesHz.forEach((f, i) => {
      if (f >= low && f < 2 * low) power += psd.values[i];
    });
    bands.push(10 * Math.log10(power));
  }
  return bands;
}

const powerSumDb = (bandsDb: readonly number[]) =>
  10 * Math.log10(bandsDb.reduce((sum, db) => sum + 10 ** (db / 10), 0));

/**
 * The octaves each codec carries faithfully at the fixtures' bit rates, and how close each
 * octave must stay: AMR's speech filter cuts below ~100 Hz (NB) and tilts its band edges, Opus
 * at 32 kbit/s thins out above 2 kHz and loses about 1 dB in its strongest octave; FLAC is
 * lossless.
 */
const PASSBANDS: Readonly<
  Record<string, { lowHz: number; topHz: number; toleranceDb: number; levelToleranceDb?: number }>
> = {
  flac: { lowHz: 31.25, topHz: 8000, toleranceDb: 0.1 },
  mp3: { lowHz: 31.25, topHz: 16_000, toleranceDb: 1 },
  vorbis: { lowHz: 31.25, topHz: 16_000, toleranceDb: 1 },
  opus: { lowHz: 31.25, topHz: 2000, toleranceDb: 2, levelToleranceDb: 1.5 },
  'amr-nb': { lowHz: 125, topHz: 2000, toleranceDb: 2.5 },
  'amr-wb': { lowHz: 62.5, topHz: 4000, toleranceDb: 2.5 },
};

describe.each(decodable)('a $codec fixture (.$extension)', (f) => {
  it('decodes at its own rate to its length, within one codec frame', async () => {
    const { decoded, wav } = await decode(`faulty.${f.extension}`);
    expect(decoded.codec.code).toBe(f.codec);
    expect(wav.info.sampleRateHz).toBe(f.sampleRateHz);
    expect(decoded.codec.sampleRateHz).toBe(f.sampleRateHz);
    expect(wav.info.channelCount).toBe(1);
    const frames = FIXTURE_SECONDS * f.sampleRateHz;
    expect(Math.abs(wav.info.frameCount - frames)).toBeLessThanOrEqual(FRAME_SAMPLES[f.codec]);
    if (f.bitrateKbps !== null) {
      expect(decoded.codec.bitrateKbps).toBeGreaterThan(f.bitrateKbps * 0.8);
      expect(decoded.codec.bitrateKbps).toBeLessThan(f.bitrateKbps * 1.2);
    }
  });

  it('sounds like the WAV it was encoded from: passband level and each octave close', async () => {
    const { wav } = await decode(`faulty.${f.extension}`);
    const source = simulateMachine(fixtureSimulation('faulty', f.sampleRateHz));
    const { lowHz, topHz, toleranceDb, levelToleranceDb = 1 } = PASSBANDS[f.codec];
    const decodedBands = octaveBandsDb(wav.samples, f.sampleRateHz, lowHz, topHz);
    const sourceBands = octaveBandsDb(source, f.sampleRateHz, lowHz, topHz);
    expect(decodedBands.length).toBeGreaterThanOrEqual(4);
    const levelDb = powerSumDb(decodedBands) - powerSumDb(sourceBands);
    expect(Math.abs(levelDb)).toBeLessThan(levelToleranceDb);
    decodedBands.forEach((db, i) => {
      const octave = `octave from ${lowHz * 2 ** i} Hz`;
      expect(Math.abs(db - sourceBands[i]), octave).toBeLessThan(toleranceDb);
    });
  });

  it('gives the same top cause as the WAV, each against a baseline of its own format', async () => {
    const top = async (healthy: string, faulty: string) => {
      const baseline = (await buildBaselineFromSegments([{ path: healthy }], simLatheProfile))
        .result;
      const report = (await diagnoseFile(faulty, { baseline, profile: simLatheProfile })).result;
      return report.causes[0]?.id;
    };
    const fromWav = await top(
      await sourceWav('healthy', f.sampleRateHz),
      await sourceWav('faulty', f.sampleRateHz),
    );
    expect(fromWav).toBe('gear-wear');
    const through = await top(
      join(FIXTURES, `healthy.${f.extension}`),
      join(FIXTURES, `faulty.${f.extension}`),
    );
    expect(through).toBe(fromWav);
  });
});

describe('AAC', () => {
  it('is refused in one sentence that says what works instead (the app), leaving no file', async () => {
    const target = join(folder, 'aac.wav');
    const refusal = decodeToWavFile(join(FIXTURES, 'faulty.m4a'), target, 'mp4');
    await expect(refusal).rejects.toThrow(CompressedFormatError);
    await expect(refusal).rejects.toThrow(
      /AAC audio .* cannot be decoded here.*import it in the app, whose page decodes AAC, or convert it to WAV or FLAC/,
    );
    await expect(decodeWavFile(target)).rejects.toThrow(/ENOENT|no such file/);
  });
});
