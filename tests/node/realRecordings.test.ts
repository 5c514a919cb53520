/**
 * The diagnosis engine on real recordings by others (../shared/data, see its README): CWRU
 * bearing vibration and DCASE 2020 machine sound. Read from the sibling reference folder, never
 * copied into the repository.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeWavFile } from '../../node/audio/openWavFile.ts';
import { buildBaselineSignature } from '../../shared/diagnosis/baseline/signature.ts';
import type { BaselineSignature } from '../../shared/diagnosis/baseline/signature.ts';
import { diagnose } from '../../shared/diagnosis/diagnose.ts';
import { extractFeatures } from '../../shared/diagnosis/features/extractor.ts';
import type { RecordingFeatures } from '../../shared/diagnosis/features/types.ts';
import { parseMachineProfile } from '../../shared/diagnosis/profile.ts';
import { renderEvidence } from '../../shared/i18n/diagnosisText.ts';

const dataFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/data');
const cwru = (name: string) => resolve(dataFolder, 'cwru', name);

interface CwruMeta {
  rpm: number;
  expectedCause?: string;
  profile: unknown;
}
const meta = (name: string): CwruMeta =>
  JSON.parse(readFileSync(cwru(`${name}.json`), 'utf8')) as CwruMeta;

describe('CWRU bearing data: baseline from 60 % of the healthy record (48 kHz)', () => {
  const profile = parseMachineProfile(meta('normal-97-0hp-48k').profile);
  let baseline: BaselineSignature;
  let healthyRest: RecordingFeatures;

  beforeAll(async () => {
    const { info, samples } = await decodeWavFile(cwru('normal-97-0hp-48k.wav'));
    const cut = Math.floor(samples.length * 0.6);
    const pieceFrames = Math.floor(cut / 6);
    const items = Array.from({ length: 6 }, (_, i) =>
      extractFeatures(samples.subarray(i * pieceFrames, (i + 1) * pieceFrames), info.sampleRateHz),
    );
    baseline = buildBaselineSignature(
      items,
      items.map((_, i) => i),
      { profile, sources: [] },
    );
    healthyRest = extractFeatures(samples.subarray(cut), info.sampleRateHz);
  });

  it('does not flag the other 40 % of the healthy record', () => {
    const report = diagnose({
      fileName: 'normal',
      features: healthyRest,
      baseline,
      profile: null,
      rpmOverrides: {},
    });
    expect(report.anomalous).toBe(false);
    expect(report.causes).toEqual([]);
  });

  it.each([
    ['inner-race-007-0hp-105', 'bearing-inner-race'],
    ['inner-race-021-1hp-210', 'bearing-inner-race'],
    ['outer-race-007-0hp-130', 'bearing-outer-race'],
    ['outer-race-021-1hp-235', 'bearing-outer-race'],
    ['ball-007-0hp-118', null],
  ])('flags %s (12 kHz) and names the race: %s', async (name, race) => {
    const { info, samples } = await decodeWavFile(cwru(`${name}.wav`));
    const report = diagnose({
      fileName: name,
      features: extractFeatures(samples, info.sampleRateHz),
      baseline,
      profile: null,
      rpmOverrides: { 'motor-shaft': meta(name).rpm },
    });
    expect(report.anomalous).toBe(true);
    expect(report.anomalyScore).toBeGreaterThan(report.threshold);
    // Ball faults are hard to see even for experts (data README): flagged is what we require.
    if (race) {
      expect(meta(name).expectedCause).toBe(race);
      expect(report.causes[0].id).toBe(race);
      expect(report.causes[0].componentId).toBe('drive-end-bearing');
      expect(report.causes[0].evidence[0]).toMatchObject({ code: 'envelope-family' });
      expect(renderEvidence(report.causes[0].evidence[0], 'en')).toMatch(
        /envelope peaks at [\d.]+/,
      );
    }
  });
});

describe('DCASE 2020 machine id 00, all healthy', () => {
  const dcase = (i: number) =>
    resolve(dataFolder, 'dcase2020-id00', `normal_id_00_${String(i).padStart(8, '0')}.wav`);
  const featuresOf = async (i: number) => {
    const { info, samples } = await decodeWavFile(dcase(i));
    return extractFeatures(samples, info.sampleRateHz);
  };

  it('flags none of recordings 10–19 against a baseline from 00–09 (at most 5 % allowed)', async () => {
    const items = await Promise.all(Array.from({ length: 10 }, (_, i) => featuresOf(i)));
    const baseline = buildBaselineSignature(
      items,
      items.map((_, i) => i),
      { profile: null, sources: [] },
    );
    const reports = [];
    for (let i = 10; i < 20; i++) {
      reports.push(
        diagnose({
          fileName: String(i),
          features: await featuresOf(i),
          baseline,
          profile: null,
          rpmOverrides: {},
        }),
      );
    }
    const flagged = reports.filter((r) => r.anomalous).length;
    expect(flagged / reports.length).toBeLessThanOrEqual(0.05);
    expect(reports.every((r) => r.threshold >= 3)).toBe(true);
  });
});
