/**
 * Chatter is a tone that rose by itself (issue 9): the simulator's chatter is named with its
 * frequency, and the same line standing on a floor raised as much around it — a structural mode
 * rung by impacts, as on the CWRU ball record — is not called chatter.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBaselineSignature } from '../../../shared/diagnosis/baseline/signature.ts';
import type { BaselineSignature } from '../../../shared/diagnosis/baseline/signature.ts';
import { diagnose } from '../../../shared/diagnosis/diagnose.ts';
import { extractFeatures } from '../../../shared/diagnosis/features/extractor.ts';
import type { DiagnosisReport } from '../../../shared/diagnosis/report.ts';
import { bandPass } from '../../../shared/dsp/filters.ts';
import { defaultChatterHz } from '../../../shared/simulation/faults.ts';
import { buildMachine, defaultMachineSeed } from '../../../shared/simulation/machine.ts';
import { simulateMachine } from '../../../shared/simulation/machineSim.ts';
import { simLatheProfile } from '../../../shared/simulation/profiles.ts';
import { gaussianNoise } from '../../helpers/signals.ts';

const SAMPLE_RATE_HZ = 48000;
const DURATION_SECONDS = 4;
/** Between spindle harmonics and clear of every kinematic line of the simulated lathe. */
const TONE_HZ = 2429.6;
/** About 20 dB over the healthy maximum at TONE_HZ. */
const TONE_AMPLITUDE = 0.004;

let baseline: BaselineSignature;

beforeAll(() => {
  const items = [1, 2, 3, 4, 5].map((seed) =>
    extractFeatures(
      simulateMachine({ sampleRateHz: SAMPLE_RATE_HZ, durationSeconds: DURATION_SECONDS, seed }),
      SAMPLE_RATE_HZ,
    ),
  );
  baseline = buildBaselineSignature(
    items,
    items.map((_, i) => i),
    { profile: simLatheProfile, sources: [] },
  );
});

function diagnoseSamples(samples: Float64Array): DiagnosisReport {
  return diagnose({
    fileName: 'sim.wav',
    features: extractFeatures(samples, SAMPLE_RATE_HZ),
    baseline,
    profile: null,
    rpmOverrides: {},
  });
}

/** A healthy recording with tones of the given frequencies (Hz) and amplitude added. */
function tonesOnHealthy(frequenciesHz: readonly number[], amplitude: number): Float64Array {
  const samples = simulateMachine({
    sampleRateHz: SAMPLE_RATE_HZ,
    durationSeconds: DURATION_SECONDS,
    seed: 61,
  });
  for (let i = 0; i < samples.length; i++) {
    for (const f of frequenciesHz) {
      samples[i] += amplitude * Math.sin((2 * Math.PI * f * i) / SAMPLE_RATE_HZ);
    }
  }
  return samples;
}

/** A healthy recording with a tone at TONE_HZ and, when humpRms > 0, noise over TONE_HZ ± 10 %. */
function toneOnHealthy(humpRms: number): Float64Array {
  const samples = simulateMachine({
    sampleRateHz: SAMPLE_RATE_HZ,
    durationSeconds: DURATION_SECONDS,
    seed: 61,
  });
  const noise = gaussianNoise(samples.length, 7, humpRms);
  const hump = bandPass(noise, SAMPLE_RATE_HZ, 0.9 * TONE_HZ, 1.1 * TONE_HZ);
  for (let i = 0; i < samples.length; i++) {
    const tone = TONE_AMPLITUDE * Math.sin((2 * Math.PI * TONE_HZ * i) / SAMPLE_RATE_HZ);
    samples[i] += tone + (humpRms > 0 ? hump[i] : 0);
  }
  return samples;
}

function chatterLineHz(report: DiagnosisReport): number | null {
  const chatter = report.causes.find((c) => c.id === 'chatter');
  for (const item of chatter?.evidence ?? []) {
    if (typeof item !== 'string' && item.code === 'chatter-line') return item.params.frequencyHz;
  }
  return null;
}

describe('chatter against a rung structural mode', () => {
  it('names the simulated chatter with its frequency', () => {
    const samples = simulateMachine({
      sampleRateHz: SAMPLE_RATE_HZ,
      durationSeconds: DURATION_SECONDS,
      seed: 60,
      faults: [{ kind: 'chatter' }],
    });
    const machine = buildMachine(simLatheProfile, defaultMachineSeed(simLatheProfile), 1);
    const report = diagnoseSamples(samples);
    expect(report.causes[0].id).toBe('chatter');
    expect(chatterLineHz(report)).toBeCloseTo(defaultChatterHz(machine), 0);
  });

  it('names a tone 20 dB over healthy on an unchanged floor chatter', () => {
    const report = diagnoseSamples(toneOnHealthy(0));
    expect(report.causes[0].id).toBe('chatter');
    expect(Math.abs((chatterLineHz(report) ?? 0) - TONE_HZ)).toBeLessThan(1.5);
  });

  it('does not call the same tone chatter on a floor raised about 15 dB around it', () => {
    const report = diagnoseSamples(toneOnHealthy(0.08));
    // The premise: the band around the tone rose by at least 12 dB.
    const band = report.findings.find(
      (f) => f.kind === 'band' && Math.abs(f.frequencyHz - TONE_HZ) < 0.15 * TONE_HZ,
    );
    expect(band?.excessDb).toBeGreaterThanOrEqual(12);
    expect(report.anomalous).toBe(true);
    expect(report.causes.map((c) => c.id)).not.toContain('chatter');
  });

  it('does not call the 2nd harmonic of a raised spindle order (62×) chatter', () => {
    // Orders above the 40th are not matched one by one (at 1.75 % every bin would match).
    const spindleHz = 1480 / 60;
    const report = diagnoseSamples(tonesOnHealthy([31 * spindleHz, 62 * spindleHz], 0.01));
    expect(report.anomalous).toBe(true);
    const raised = report.findings.filter((f) => f.kind === 'peak').map((f) => f.frequencyHz);
    expect(raised.some((f) => Math.abs(f - 62 * spindleHz) < 2)).toBe(true);
    expect(report.causes.map((c) => c.id)).not.toContain('chatter');
  });
});
