/**
 * Baselines as files hold them, for the tests that read them back: a fixture made by an earlier
 * version with the reports it gave, a small simulated baseline, and the BaselineError a spoiled
 * one raises.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import {
  BaselineError,
  parseBaselineSignature,
} from '../../shared/diagnosis/baseline/parseSignature.ts';
import { buildBaselineSignature } from '../../shared/diagnosis/baseline/signature.ts';
import type { BaselineSignature } from '../../shared/diagnosis/baseline/signature.ts';
import { diagnose } from '../../shared/diagnosis/diagnose.ts';
import { extractFeatures } from '../../shared/diagnosis/features/extractor.ts';
import type { RecordingFeatures } from '../../shared/diagnosis/features/types.ts';
import type { MachineProfile } from '../../shared/diagnosis/profile.ts';
import type { DiagnosisReport } from '../../shared/diagnosis/report.ts';
import { simulateMachine } from '../../shared/simulation/machineSim.ts';

const FIXTURES = resolve(fileURLToPath(import.meta.url), '../../fixtures');

/** A fixture of tests/fixtures: the baseline (as parsed now) and the reports made back then. */
export function storedBaselineFixture(file: string): {
  baseline: BaselineSignature;
  reports: Record<string, DiagnosisReport>;
} {
  const json = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as {
    baseline: unknown;
    reports: Record<string, DiagnosisReport>;
  };
  return { baseline: parseBaselineSignature(json.baseline), reports: json.reports };
}

/** The report's JSON, diagnosed as the fixtures' reports were: no profile, no speeds given. */
export function reportJson(name: string, f: RecordingFeatures, baseline: BaselineSignature) {
  const report = diagnose({
    fileName: `${name}.wav`,
    features: f,
    baseline,
    profile: null,
    rpmOverrides: {},
  });
  return JSON.stringify(report);
}

/** A baseline of healthy simulated recordings of seeds 1..count, one group each. */
export function simulatedBaseline(options: {
  sampleRateHz: number;
  durationSeconds: number;
  count: number;
  profile: MachineProfile | null;
}): BaselineSignature {
  const { sampleRateHz, durationSeconds } = options;
  const seeds = Array.from({ length: options.count }, (_, i) => i + 1);
  const items = seeds.map((seed) =>
    extractFeatures(simulateMachine({ sampleRateHz, durationSeconds, seed }), sampleRateHz),
  );
  return buildBaselineSignature(
    items,
    seeds.map((_, i) => i),
    {
      profile: options.profile,
      sources: seeds.map((i) => ({ name: `healthy-${i}.wav`, sampleRateHz, durationSeconds })),
    },
  );
}

/** The BaselineError reading `json` raises; fails the test when it reads. */
export function baselineErrorOf(json: unknown): BaselineError {
  try {
    parseBaselineSignature(json);
  } catch (error) {
    expect(error).toBeInstanceOf(BaselineError);
    return error as BaselineError;
  }
  throw new Error('expected a BaselineError, nothing was thrown');
}
