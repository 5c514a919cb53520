/**
 * Chatter sits near a structural mode (issue 9): the modes come from the profile or from the humps
 * of the healthy floor kept in the baseline. A whine on no order and far from every mode is an
 * unexplained new tone; a rattle ringing a resonance of its own is not lead-screw contamination.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { BaselineSignature } from '../../../shared/diagnosis/baseline/signature.ts';
import { parseBaselineSignature } from '../../../shared/diagnosis/baseline/parseSignature.ts';
import { diagnose } from '../../../shared/diagnosis/diagnose.ts';
import type { MachineProfile } from '../../../shared/diagnosis/profile.ts';
import type { DiagnosisReport } from '../../../shared/diagnosis/report.ts';
import { renderEvidence } from '../../../shared/i18n/diagnosisText.ts';
import { defaultChatterHz } from '../../../shared/simulation/faults.ts';
import { buildMachine, defaultMachineSeed } from '../../../shared/simulation/machine.ts';
import type { SimulationOptions } from '../../../shared/simulation/machineSim.ts';
import { simLatheProfile } from '../../../shared/simulation/profiles.ts';
import { simLatheBaseline, simLatheFeatures } from '../../helpers/simBaseline.ts';

const SAMPLE_RATE_HZ = 48000;
const DURATION_SECONDS = 4;
type Extra = Pick<SimulationOptions, 'faults' | 'anomalies'>;

let baseline: BaselineSignature;
const machine = buildMachine(simLatheProfile, defaultMachineSeed(simLatheProfile), 1);

function features(seed: number, extra: Extra = {}) {
  return simLatheFeatures({ seed, ...extra }, SAMPLE_RATE_HZ, DURATION_SECONDS);
}

beforeAll(() => {
  baseline = simLatheBaseline(
    [1, 2, 3, 4, 5].map((seed) => features(seed)),
    SAMPLE_RATE_HZ,
    DURATION_SECONDS,
  );
});

function report(
  extra: Extra,
  options: { profile?: MachineProfile; against?: BaselineSignature } = {},
): DiagnosisReport {
  return diagnose({
    fileName: 'sim.wav',
    features: features(60, extra),
    baseline: options.against ?? baseline,
    profile: options.profile ?? null,
    rpmOverrides: {},
  });
}

function evidenceOf(r: DiagnosisReport, code: string) {
  for (const cause of r.causes) {
    for (const item of cause.evidence) {
      if (typeof item !== 'string' && item.code === code) return item;
    }
  }
  return null;
}

function chatterHz(r: DiagnosisReport): number | null {
  const item = evidenceOf(r, 'chatter-line');
  return item && item.code === 'chatter-line' ? item.params.frequencyHz : null;
}

describe('structural modes found from the healthy floor', () => {
  it('keeps the simulated lathe first mode, and none near the whine', () => {
    const modes = baseline.structuralModesHz ?? [];
    const first = machine.modes[0].frequencyHz;
    expect(modes.some((m) => Math.abs(m - first) < 0.02 * first)).toBe(true);
    expect(modes.every((m) => Math.abs(m - 1237) > 0.15 * m)).toBe(true);
    // Stored and read back as they were.
    const stored = JSON.stringify(baseline);
    expect(JSON.stringify(parseBaselineSignature(JSON.parse(stored)))).toBe(stored);
  });
});

describe('chatter against a whine', () => {
  it('calls a whine on no order (1237 Hz) an unexplained new tone, not chatter', () => {
    const r = report({ anomalies: [{ kind: 'whine' }] });
    expect(r.anomalous).toBe(true);
    expect(r.causes.map((c) => c.id)).not.toContain('chatter');
    expect(r.causes[0].id).toBe('unexplained');
    const tone = evidenceOf(r, 'new-tone');
    expect(tone).not.toBeNull();
    if (tone?.code !== 'new-tone') throw new Error('no new tone');
    expect(Math.abs(tone.params.frequencyHz - 1237)).toBeLessThan(2);
    expect(renderEvidence(tone, 'en')).toContain('on no shaft order');
    expect(renderEvidence(tone, 'zh-CN')).toContain('1237');
  });

  it.each([0, -6])('names the simulated chatter at %i dB with its frequency', (levelDb) => {
    const r = report({ faults: [{ kind: 'chatter', levelDb }] });
    expect(r.causes[0].id).toBe('chatter');
    expect(chatterHz(r)).toBeCloseTo(defaultChatterHz(machine), 0);
    expect(evidenceOf(r, 'chatter-near-mode')).not.toBeNull();
  });

  it('does not call chatter a line far from the modes the profile declares', () => {
    const profile = { ...simLatheProfile, structuralModesHz: [900, 5200] };
    const r = report({ faults: [{ kind: 'chatter' }] }, { profile });
    expect(r.anomalous).toBe(true);
    expect(r.causes.map((c) => c.id)).not.toContain('chatter');
    expect(evidenceOf(r, 'new-tone')).not.toBeNull();
  });

  it('names chatter near a mode the profile declares even where the floor shows none', () => {
    const profile = { ...simLatheProfile, structuralModesHz: [1200] };
    const r = report({ anomalies: [{ kind: 'whine' }] }, { profile });
    expect(r.causes[0].id).toBe('chatter');
  });

  it('without any mode known, names chatter only with harmonics of its own', () => {
    const blind = { ...baseline, structuralModesHz: [] };
    const chatter = report({ faults: [{ kind: 'chatter' }] }, { against: blind });
    expect(chatter.causes[0].id).toBe('chatter');
    expect(evidenceOf(chatter, 'chatter-harmonics')).not.toBeNull();
    const whine = report({ anomalies: [{ kind: 'whine' }] }, { against: blind });
    expect(whine.causes.map((c) => c.id)).not.toContain('chatter');
  });
});

describe('a rattle against lead-screw contamination', () => {
  it('does not name a rattle at +12 dB lead-screw contamination', () => {
    const r = report({ anomalies: [{ kind: 'rattle', levelDb: 12 }] });
    expect(r.anomalous).toBe(true);
    expect(r.causes.map((c) => c.id)).not.toContain('lead-screw-contamination');
    expect(r.causes[0].id).toBe('unexplained');
  });

  it.each([0, -10])('still names contamination at %i dB', (levelDb) => {
    const r = report({ faults: [{ kind: 'lead-screw-contamination', levelDb }] });
    expect(r.causes[0].id).toBe('lead-screw-contamination');
  });
});
