/**
 * The engine on the project's machine-sound simulator: a baseline from five healthy recordings,
 * then every healthy variation (gain, sample rate, telephone, speed, a click) must pass and every
 * fault of the vocabulary must be named as the top cause.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBaselineSignature } from '../../../shared/diagnosis/baseline/signature.ts';
import type { BaselineSignature } from '../../../shared/diagnosis/baseline/signature.ts';
import { diagnose } from '../../../shared/diagnosis/diagnose.ts';
import { extractFeatures } from '../../../shared/diagnosis/features/extractor.ts';
import { CAUSE_IDS } from '../../../shared/diagnosis/report.ts';
import type { Cause, DiagnosisReport } from '../../../shared/diagnosis/report.ts';
import { renderAction, renderEvidence } from '../../../shared/i18n/diagnosisText.ts';
import type { FaultKind } from '../../../shared/simulation/faults.ts';
import { simulateMachine } from '../../../shared/simulation/machineSim.ts';
import { simLatheProfile } from '../../../shared/simulation/profiles.ts';
import { VARIATION_NAMES, VARIATIONS } from '../../sim/variations.ts';
import { bandPass } from '../../../shared/dsp/filters.ts';
import { gaussianNoise } from '../../helpers/signals.ts';

const DURATION_SECONDS = 4;
let baseline: BaselineSignature;

function diagnoseSamples(
  samples: Float64Array,
  sampleRateHz: number,
  withBaseline = true,
): DiagnosisReport {
  return diagnose({
    fileName: 'sim.wav',
    features: extractFeatures(samples, sampleRateHz),
    baseline: withBaseline ? baseline : null,
    profile: withBaseline ? null : simLatheProfile,
    rpmOverrides: {},
  });
}

function faulty(kind: FaultKind, seed = 60): Float64Array {
  return simulateMachine({
    sampleRateHz: 48000,
    durationSeconds: DURATION_SECONDS,
    seed,
    faults: [{ kind }],
  });
}

beforeAll(() => {
  const items = [1, 2, 3, 4, 5].map((seed) =>
    extractFeatures(
      simulateMachine({ sampleRateHz: 48000, durationSeconds: DURATION_SECONDS, seed }),
      48000,
    ),
  );
  baseline = buildBaselineSignature(
    items,
    items.map((_, i) => i),
    { profile: simLatheProfile, sources: [] },
  );
});

describe('diagnosis of healthy variations of the simulated lathe', () => {
  it.each(VARIATION_NAMES)('does not flag a healthy recording (%s)', (name) => {
    const recording = VARIATIONS[name]({ durationSeconds: DURATION_SECONDS, seed: 50 });
    const report = diagnoseSamples(recording.samples, recording.sampleRateHz);
    expect(report.anomalyScore).toBeLessThan(report.threshold);
    expect(report.anomalous).toBe(false);
    expect(report.causes).toEqual([]);
  });
});

const FAULTS: readonly [FaultKind, string | null][] = [
  ['unbalance', 'spindle'],
  ['misalignment', 'spindle'],
  ['looseness', 'spindle'],
  ['bearing-outer-race', 'spindle-front-bearing'],
  ['bearing-inner-race', 'spindle-front-bearing'],
  ['bearing-rolling-element', 'spindle-front-bearing'],
  ['bearing-cage', 'spindle-front-bearing'],
  ['lead-screw-contamination', 'x-ballscrew'],
  ['lead-screw-wear', 'x-ballscrew'],
  ['gear-wear', 'headstock-gear'],
  ['belt', 'spindle-belt'],
  ['electrical', 'spindle-motor'],
  ['chatter', null],
  ['lubrication', null],
];

/** A cause's evidence worded in English, one string. */
function english(evidence: Cause['evidence']): string {
  return evidence.map((item) => renderEvidence(item, 'en')).join(' ');
}

describe('diagnosis of simulated faults', () => {
  it('covers every cause of the vocabulary but "unexplained" and "bearing-part-uncertain"', () => {
    // Neither is a fault of its own: each names what the evidence could not tell.
    expect(FAULTS.map(([kind]) => kind).sort()).toEqual(
      CAUSE_IDS.filter((id) => id !== 'unexplained' && id !== 'bearing-part-uncertain').sort(),
    );
  });

  it.each(FAULTS)('names %s of %s as the top cause', (kind, componentId) => {
    const report = diagnoseSamples(faulty(kind), 48000);
    expect(report.anomalous).toBe(true);
    expect(report.anomalyScore).toBeGreaterThan(report.threshold);
    const [top] = report.causes;
    expect(top.id).toBe(kind);
    expect(top.componentId).toBe(componentId);
    expect(top.evidence.length).toBeGreaterThan(0);
    expect(english(top.evidence)).toMatch(/\d/);
    expect(top.action).toEqual({ code: kind, params: {} });
    expect(renderAction(top.action, 'en').length).toBeGreaterThan(20);
    expect(report.findings.length).toBeGreaterThan(0);
  });

  it('tells contamination (irregular impacts) from wear (impacts at the ball pass)', () => {
    const contamination = diagnoseSamples(faulty('lead-screw-contamination'), 48000);
    const wear = diagnoseSamples(faulty('lead-screw-wear'), 48000);
    expect(contamination.causes[0].id).toBe('lead-screw-contamination');
    expect(contamination.causes.some((c) => c.id === 'lead-screw-wear')).toBe(false);
    expect(wear.causes[0].id).toBe('lead-screw-wear');
    expect(wear.causes[0].evidence[0]).toMatchObject({
      code: 'envelope-family',
      params: { defect: { kind: 'ballscrew-ball-pass', componentId: 'x-ballscrew' } },
    });
    expect(english(wear.causes[0].evidence)).toContain('ball pass of x-ballscrew');
  });

  it('sorts causes by confidence, highest first, with severities from the vocabulary', () => {
    const report = diagnoseSamples(faulty('bearing-inner-race'), 48000);
    const confidences = report.causes.map((c) => c.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
    for (const cause of report.causes) {
      expect(['slight', 'moderate', 'serious', 'extreme']).toContain(cause.severity);
    }
  });

  it('calls an anomaly that matches no fault pattern unexplained, with its frequencies', () => {
    // A steady hiss between 300 and 600 Hz: no line, no impacts, nothing kinematic.
    const healthy = simulateMachine({ sampleRateHz: 48000, durationSeconds: 4, seed: 61 });
    const hiss = bandPass(gaussianNoise(healthy.length, 5, 0.05), 48000, 300, 600);
    const samples = healthy.map((x, i) => x + hiss[i]);
    const report = diagnoseSamples(samples, 48000);
    expect(report.anomalous).toBe(true);
    expect(report.causes[0].id).toBe('unexplained');
    expect(english(report.causes[0].evidence)).toMatch(/anomalous at [\d.]+ Hz \(band/);
    expect(
      report.findings.some((f) => f.kind === 'band' && f.frequencyHz > 250 && f.frequencyHz < 700),
    ).toBe(true);
  });

  it('gives the same report, byte for byte, for the same input', () => {
    const samples = faulty('gear-wear');
    expect(JSON.stringify(diagnoseSamples(samples, 48000))).toBe(
      JSON.stringify(diagnoseSamples(samples, 48000)),
    );
  });
});

describe('diagnosis without a baseline (kinematic evidence only)', () => {
  it('names an outer-race defect from its envelope lines, at lower confidence', () => {
    const withBaseline = diagnoseSamples(faulty('bearing-outer-race'), 48000);
    const report = diagnoseSamples(faulty('bearing-outer-race'), 48000, false);
    expect(report.causes[0].id).toBe('bearing-outer-race');
    expect(report.causes[0].confidence).toBeLessThan(withBaseline.causes[0].confidence);
    expect(report.findings.some((f) => f.kind === 'envelope')).toBe(true);
  });

  it('does not flag a healthy recording', () => {
    const samples = simulateMachine({ sampleRateHz: 48000, durationSeconds: 4, seed: 77 });
    const report = diagnoseSamples(samples, 48000, false);
    expect(report.anomalous).toBe(false);
    expect(report.causes).toEqual([]);
  });
});
