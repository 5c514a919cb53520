/**
 * Anomalies that match no kinematic pattern and leave the spectrum's level as it was (issue 9): a
 * work cycle at another period, a rub swelling once per spindle turn. The modulation spectrum
 * (features/modulation.ts) judged against the baseline's own spread flags them as unexplained,
 * saying what changed; a healthy recording stays quiet; a baseline stored before the feature
 * still loads and diagnoses byte for byte as it did.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBaselineSignature } from '../../../shared/diagnosis/baseline/parseSignature.ts';
import type { BaselineSignature } from '../../../shared/diagnosis/baseline/signature.ts';
import { diagnose } from '../../../shared/diagnosis/diagnose.ts';
import type { DiagnosisReport } from '../../../shared/diagnosis/report.ts';
import { renderEvidence } from '../../../shared/i18n/diagnosisText.ts';
import type { AnomalySpec, WorkCycle } from '../../../shared/simulation/anomalies.ts';
import { extractFeatures } from '../../../shared/diagnosis/features/extractor.ts';
import { simulateMachine } from '../../../shared/simulation/machineSim.ts';
import { simLatheBaseline, simLatheFeatures } from '../../helpers/simBaseline.ts';
import { reportJson, storedBaselineFixture } from '../../helpers/storedBaselines.ts';

const SAMPLE_RATE_HZ = 48000;
const DURATION_SECONDS = 4;
const CYCLE: WorkCycle = { periodSeconds: 0.45 };

function features(seed: number, extra: { cycle?: WorkCycle; anomalies?: AnomalySpec[] } = {}) {
  return simLatheFeatures({ seed, ...extra }, SAMPLE_RATE_HZ, DURATION_SECONDS);
}

function baselineOf(cycle?: WorkCycle): BaselineSignature {
  const items = [1, 2, 3, 4, 5].map((seed) => features(seed, cycle ? { cycle } : {}));
  return simLatheBaseline(items, SAMPLE_RATE_HZ, DURATION_SECONDS);
}

function report(baseline: BaselineSignature, f: ReturnType<typeof features>): DiagnosisReport {
  return diagnose({ fileName: 'sim.wav', features: f, baseline, profile: null, rpmOverrides: {} });
}

/** The rates the 'rhythm-changed' evidence names, and its English wording. */
function rhythmOf(r: DiagnosisReport): { ratesHz: number[]; english: string } | null {
  const item = r.causes[0]?.evidence.find(
    (e) => typeof e !== 'string' && e.code === 'rhythm-changed',
  );
  if (!item || typeof item === 'string' || item.code !== 'rhythm-changed') return null;
  return {
    ratesHz: item.params.findings.map((f) => f.frequencyHz),
    english: renderEvidence(item, 'en'),
  };
}

let plain: BaselineSignature;
let cycled: BaselineSignature;

beforeAll(() => {
  plain = baselineOf();
  cycled = baselineOf(CYCLE);
});

describe('changes of rhythm are flagged as unexplained, with what changed', () => {
  it('keeps the healthy machine, with and without its work cycle, below the threshold', () => {
    for (const [baseline, f] of [
      [plain, features(60)],
      [cycled, features(60, { cycle: CYCLE })],
      [cycled, features(61, { cycle: CYCLE })],
    ] as const) {
      const r = report(baseline, f);
      expect(r.anomalous).toBe(false);
      expect(r.causes).toEqual([]);
    }
  });

  it.each([0.55, 0.4])('flags the work cycle at %s s instead of 0.45 s', (periodSeconds) => {
    const r = report(cycled, features(60, { cycle: { periodSeconds } }));
    expect(r.anomalous).toBe(true);
    expect(r.causes[0].id).toBe('unexplained');
    const rhythm = rhythmOf(r);
    expect(rhythm).not.toBeNull();
    expect(rhythm!.english).toContain('swells and fades');
  });

  it('flags a rub and names its rate: once per spindle turn (24.7 Hz)', () => {
    const r = report(plain, features(60, { anomalies: [{ kind: 'rub' }] }));
    expect(r.anomalous).toBe(true);
    expect(r.causes[0].id).toBe('unexplained');
    const spindleHz = 1480 / 60;
    expect(rhythmOf(r)!.ratesHz.some((f) => Math.abs(f - spindleHz) < 0.5)).toBe(true);
  });

  it('stores the modulation and its own threshold in a new one-speed baseline', () => {
    expect(cycled.model.modulation?.binWidthHz).toBeCloseTo(100 / 256, 12);
    expect(cycled.modulationThreshold).toBeGreaterThanOrEqual(3);
    const again = parseBaselineSignature(JSON.parse(JSON.stringify(cycled)));
    expect(again).toEqual(cycled);
  });
});

describe('a baseline stored before the modulation spectrum', () => {
  const fixture = storedBaselineFixture('baselineBeforeModulation.json');

  it.each([
    ['healthy-60', []],
    ['rub-60', [{ kind: 'rub', levelDb: 6 }]],
    ['whine-60', [{ kind: 'whine' }]],
  ] as const)('loads and diagnoses %s byte for byte as before', (name, anomalies) => {
    const baseline = fixture.baseline;
    expect(baseline.model.modulation).toBeUndefined();
    const samples = simulateMachine({
      sampleRateHz: 8000,
      durationSeconds: 4,
      seed: 60,
      anomalies: [...anomalies],
    });
    const f = extractFeatures(samples, 8000);
    expect(f.modulation).toBeDefined();
    expect(reportJson(name, f, baseline)).toBe(JSON.stringify(fixture.reports[name]));
  });
});
