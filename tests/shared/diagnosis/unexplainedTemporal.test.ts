/**
 * Anomalies the modulation spectrum misses on a 4 s recording (issue 9): a work cycle with beats
 * skipped and a quiet rattle. The short-time energy quantiles (features/frameEnergy.ts, judged by
 * baseline/temporal.ts) flag them as unexplained, saying what changed; the healthy machine and
 * real healthy machine sound (DCASE) stay quiet; a baseline stored before the quantiles still
 * diagnoses byte for byte as it did.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractFileFeatures } from '../../../node/diagnosis/featuresFromFile.ts';
import { parseBaselineSignature } from '../../../shared/diagnosis/baseline/parseSignature.ts';
import { buildBaselineSignature } from '../../../shared/diagnosis/baseline/signature.ts';
import { itemSpeedsOf } from '../../../shared/diagnosis/baseline/speedModel.ts';
import type { BaselineSignature } from '../../../shared/diagnosis/baseline/signature.ts';
import { diagnose, diagnoseDetailed } from '../../../shared/diagnosis/diagnose.ts';
import { extractFeatures } from '../../../shared/diagnosis/features/extractor.ts';
import type { RecordingFeatures } from '../../../shared/diagnosis/features/types.ts';
import type { DiagnosisReport } from '../../../shared/diagnosis/report.ts';
import { estimateShaftSpeeds } from '../../../shared/diagnosis/speed/estimate.ts';
import { temporalOnScale } from '../../../shared/diagnosis/unexplained.ts';
import { renderEvidence } from '../../../shared/i18n/diagnosisText.ts';
import type { AnomalySpec, WorkCycle } from '../../../shared/simulation/anomalies.ts';
import { simulateMachine } from '../../../shared/simulation/machineSim.ts';
import { simLatheProfile } from '../../../shared/simulation/profiles.ts';
import { reportJson, storedBaselineFixture } from '../../helpers/storedBaselines.ts';

const CYCLE: WorkCycle = { periodSeconds: 0.45 };
const DCASE = join(__dirname, '..', '..', '..', '..', 'shared', 'data', 'dcase2020-id00');

type Extra = { cycle?: WorkCycle; anomalies?: AnomalySpec[] };

function features(seed: number, extra: Extra = {}, sampleRateHz = 48000): RecordingFeatures {
  const samples = simulateMachine({ sampleRateHz, durationSeconds: 4, seed, ...extra });
  return extractFeatures(samples, sampleRateHz);
}

function baselineOf(items: readonly RecordingFeatures[]): BaselineSignature {
  return buildBaselineSignature(
    items,
    items.map((_, i) => i),
    { profile: null, sources: items.map((f, i) => source(f, `healthy-${i}.wav`)) },
  );
}

function source(f: RecordingFeatures, name: string) {
  return { name, sampleRateHz: f.sampleRateHz, durationSeconds: f.durationSeconds };
}

function report(baseline: BaselineSignature, f: RecordingFeatures): DiagnosisReport {
  return diagnose({ fileName: 'sim.wav', features: f, baseline, profile: null, rpmOverrides: {} });
}

/** The top cause's short-time energy evidence, with its wording in both languages. */
function temporalEvidenceOf(r: DiagnosisReport) {
  return (r.causes[0]?.evidence ?? []).flatMap((item) =>
    typeof item !== 'string' && (item.code === 'beats-missing' || item.code === 'bursts-appeared')
      ? [{ code: item.code, en: renderEvidence(item, 'en'), zh: renderEvidence(item, 'zh-CN') }]
      : [],
  );
}

let plain: BaselineSignature;
let cycled: BaselineSignature;

beforeAll(() => {
  plain = baselineOf([1, 2, 3, 4, 5].map((seed) => features(seed)));
  cycled = baselineOf([1, 2, 3, 4, 5].map((seed) => features(seed, { cycle: CYCLE })));
});

describe('missing beats and a quiet rattle are flagged as unexplained, with what changed', () => {
  it.each([
    ['3rd', 3],
    ['2nd', 2],
  ])('flags the work cycle with every %s beat skipped: beats missing', (_, skip) => {
    const r = report(cycled, features(60, { cycle: { ...CYCLE, skipEvery: skip } }));
    expect(r.anomalous).toBe(true);
    expect(r.causes[0].id).toBe('unexplained');
    const evidence = temporalEvidenceOf(r);
    expect(evidence.map((e) => e.code)).toContain('beats-missing');
    expect(evidence[0].en).toContain('fewer impacts than when healthy');
    expect(evidence[0].zh).toContain('冲击比健康时少');
  });

  it('flags a rattle at its default level: bursts of short knocks appeared', () => {
    const r = report(plain, features(60, { anomalies: [{ kind: 'rattle' }] }));
    expect(r.anomalous).toBe(true);
    expect(r.causes[0].id).toBe('unexplained');
    const evidence = temporalEvidenceOf(r);
    expect(evidence.map((e) => e.code)).toEqual(['bursts-appeared']);
    expect(evidence[0].en).toMatch(/loudest [\d.]+ % of 2\.5 ms moments/);
    expect(evidence[0].zh).toContain('出现了短促的成串撞击');
  });

  it('keeps healthy recordings of other seeds quiet, with and without the work cycle', () => {
    for (const seed of [60, 61, 62, 63]) {
      for (const [baseline, extra] of [
        [plain, {}],
        [cycled, { cycle: CYCLE }],
      ] as const) {
        const r = report(baseline, features(seed, extra));
        expect(r.anomalous, `seed ${seed}`).toBe(false);
      }
    }
  });

  it('keeps healthy recordings quiet against one 12 s recording cut into six pieces', () => {
    // Pieces of 2 s: their quantiles scatter more than whole recordings', and the threshold
    // must hold that (the CLI cuts a single healthy recording so).
    const whole = simulateMachine({ sampleRateHz: 48000, durationSeconds: 12, seed: 1 });
    const size = whole.length / 6;
    const pieces = [0, 1, 2, 3, 4, 5].map((i) =>
      extractFeatures(whole.subarray(i * size, (i + 1) * size), 48000),
    );
    const single = baselineOf(pieces);
    expect(single.knockThreshold).toBeDefined();
    for (const seed of [60, 61, 62]) expect(report(single, features(seed)).anomalous).toBe(false);
  });

  it('stores both families and their thresholds, and reads them back unchanged', () => {
    expect(cycled.model.temporal?.beats.levelsDb).toHaveLength(7);
    expect(cycled.beatThreshold).toBeGreaterThanOrEqual(3);
    expect(cycled.knockThreshold).toBeGreaterThanOrEqual(3);
    const again = parseBaselineSignature(JSON.parse(JSON.stringify(cycled)));
    expect(again).toEqual(cycled);
  });

  it('gives the same features and baseline for the same input, byte for byte', () => {
    const again = baselineOf([1, 2, 3, 4, 5].map((seed) => features(seed, { cycle: CYCLE })));
    expect(JSON.stringify(again)).toBe(JSON.stringify(cycled));
  });
});

describe('a baseline over several speeds judges short-time energy at every speed', () => {
  /** Features and the speeds estimated from the sound, as `auscult diagnose` has them. */
  function recorded(seed: number, speedFactor: number, extra: Extra = {}) {
    const samples = simulateMachine({
      sampleRateHz: 48000,
      durationSeconds: 4,
      seed,
      speedFactor,
      ...extra,
    });
    const estimates = estimateShaftSpeeds(samples, 48000, simLatheProfile);
    return { features: extractFeatures(samples, 48000), estimates };
  }

  it('keeps healthy recordings between its speeds quiet and flags a rattle at 0.9×', () => {
    const healthy = [0.85, 0.85, 1, 1, 1.15, 1.15].map((factor, i) => recorded(i + 1, factor));
    const indices = healthy.map((_, i) => i);
    const spanning = buildBaselineSignature(
      healthy.map((r) => r.features),
      indices,
      {
        profile: simLatheProfile,
        sources: healthy.map((r, i) => source(r.features, `healthy-${i}.wav`)),
        speeds: itemSpeedsOf(
          simLatheProfile,
          healthy.map((r) => r.estimates),
          indices,
        ),
      },
    );
    expect(spanning.speeds).toBeDefined();
    expect(spanning.knockThreshold).toBeGreaterThanOrEqual(3);
    const judge = (r: ReturnType<typeof recorded>) =>
      diagnose({
        fileName: 'sim.wav',
        features: r.features,
        baseline: spanning,
        profile: null,
        rpmOverrides: {},
        speedEstimates: r.estimates,
      });
    for (const factor of [0.95, 1.05]) expect(judge(recorded(60, factor)).anomalous).toBe(false);
    const rattle = judge(recorded(60, 0.9, { anomalies: [{ kind: 'rattle' }] }));
    expect(rattle.anomalous).toBe(true);
    expect(temporalEvidenceOf(rattle).map((e) => e.code)).toContain('bursts-appeared');
  }, 60_000);
});

describe('real healthy machine sound (DCASE 2020, machine id 00)', () => {
  it('raises no short-time energy alarm on files 10–19 against a baseline of 00–09', async () => {
    const files: RecordingFeatures[] = [];
    for (let i = 0; i < 20; i++) {
      const name = `normal_id_00_000000${String(i).padStart(2, '0')}.wav`;
      files.push((await extractFileFeatures(join(DCASE, name))).features);
    }
    const baseline = baselineOf(files.slice(0, 10));
    expect(baseline.beatThreshold).toBeDefined();
    for (const f of files.slice(10)) {
      const detail = diagnoseDetailed({
        fileName: 'dcase.wav',
        features: f,
        baseline,
        profile: null,
        rpmOverrides: {},
      });
      expect(detail.report.anomalous).toBe(false);
      expect(temporalOnScale(detail.comparison!, baseline).score).toBeLessThan(baseline.threshold);
    }
  }, 120_000);
});

describe('a baseline stored before the short-time energy quantiles', () => {
  const fixture = storedBaselineFixture('baselineBeforeTemporal.json');

  it.each([
    ['healthy-60', { cycle: CYCLE }],
    ['skip3-60', { cycle: { ...CYCLE, skipEvery: 3 } }],
    ['rattle-60', { cycle: CYCLE, anomalies: [{ kind: 'rattle' }] }],
    ['cycle055-60', { cycle: { periodSeconds: 0.55 } }],
  ] as const)('loads and diagnoses %s byte for byte as before', (name, extra) => {
    expect(fixture.baseline.model.modulation).toBeDefined();
    expect(fixture.baseline.model.temporal).toBeUndefined();
    const f = features(60, extra as Extra, 8000);
    expect(f.temporal).toBeDefined();
    expect(reportJson(name, f, fixture.baseline)).toBe(JSON.stringify(fixture.reports[name]));
  });
});
