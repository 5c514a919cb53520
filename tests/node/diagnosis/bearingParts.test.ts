/**
 * One cause per bearing unless the evidence separates them (issue 9): the simulator's four
 * bearing faults and the CWRU race faults name their own part only — no other part of that
 * bearing, nor of the spindle's other bearing, on lines that are the defect's harmonics — and
 * parts that share their lines without one winning become one "part uncertain" candidate, as do
 * a bearing's lines without impacts to place them (the CWRU ball record).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeWavFile } from '../../../node/audio/openWavFile.ts';
import { buildBaselineSignature } from '../../../shared/diagnosis/baseline/signature.ts';
import type { BaselineSignature } from '../../../shared/diagnosis/baseline/signature.ts';
import { diagnose } from '../../../shared/diagnosis/diagnose.ts';
import { extractFeatures } from '../../../shared/diagnosis/features/extractor.ts';
import { parseMachineProfile } from '../../../shared/diagnosis/profile.ts';
import type { DiagnosisReport } from '../../../shared/diagnosis/report.ts';
import { separateParts } from '../../../shared/diagnosis/rules/bearingParts.ts';
import type { PartFamily } from '../../../shared/diagnosis/rules/bearingParts.ts';
import type { RuleContext } from '../../../shared/diagnosis/rules/context.ts';
import type { FaultKind } from '../../../shared/simulation/faults.ts';
import { simulateMachine } from '../../../shared/simulation/machineSim.ts';
import { simLatheProfile } from '../../../shared/simulation/profiles.ts';

const dataFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/data');
const cwru = (name: string) => resolve(dataFolder, 'cwru', name);

/** The bearing causes of a report, as "cause on component". */
function bearingCauses(report: DiagnosisReport): string[] {
  return report.causes
    .filter((c) => c.id.startsWith('bearing-'))
    .map((c) => `${c.id} on ${c.componentId}`);
}

describe('bearing parts on the simulated lathe', () => {
  let baseline: BaselineSignature;
  beforeAll(() => {
    const items = [1, 2, 3, 4, 5].map((seed) =>
      extractFeatures(simulateMachine({ sampleRateHz: 48000, durationSeconds: 4, seed }), 48000),
    );
    baseline = buildBaselineSignature(
      items,
      items.map((_, i) => i),
      { profile: simLatheProfile, sources: [] },
    );
  });

  /** Eight seconds of the simulated lathe with one fault, diagnosed against the baseline. */
  function diagnoseFault(kind: FaultKind): DiagnosisReport {
    const samples = simulateMachine({
      sampleRateHz: 48000,
      durationSeconds: 8,
      seed: 60,
      faults: [{ kind }],
    });
    return diagnose({
      fileName: 'sim.wav',
      features: extractFeatures(samples, 48000),
      baseline,
      profile: null,
      rpmOverrides: {},
    });
  }

  it.each<FaultKind>([
    'bearing-outer-race',
    'bearing-inner-race',
    'bearing-rolling-element',
    'bearing-cage',
  ])('names %s of the front bearing and no other bearing part', (kind) => {
    const report = diagnoseFault(kind);
    expect(bearingCauses(report)).toEqual([`${kind} on spindle-front-bearing`]);
  });

  it('hears the cage carry a rolling element round: FTF sidebands around 2×BSF', () => {
    const [top] = diagnoseFault('bearing-rolling-element').causes;
    expect(top.id).toBe('bearing-rolling-element');
    const cage = top.evidence.find((e) => typeof e !== 'string' && e.code === 'cage-sidebands');
    expect(cage).toMatchObject({ params: { count: 2 } });
  });
});

describe('bearing parts on CWRU (baseline from 60 % of the healthy record)', () => {
  const meta = (name: string) =>
    JSON.parse(readFileSync(cwru(`${name}.json`), 'utf8')) as { rpm: number; profile: unknown };
  const profile = parseMachineProfile(meta('normal-97-0hp-48k').profile);
  let baseline: BaselineSignature;

  beforeAll(async () => {
    const { info, samples } = await decodeWavFile(cwru('normal-97-0hp-48k.wav'));
    const pieceFrames = Math.floor((samples.length * 0.6) / 6);
    const items = Array.from({ length: 6 }, (_, i) =>
      extractFeatures(samples.subarray(i * pieceFrames, (i + 1) * pieceFrames), info.sampleRateHz),
    );
    baseline = buildBaselineSignature(
      items,
      items.map((_, i) => i),
      { profile, sources: [] },
    );
  });

  /** A faulty 12 kHz record diagnosed at its own speed. */
  async function diagnoseRecord(name: string): Promise<DiagnosisReport> {
    const { info, samples } = await decodeWavFile(cwru(`${name}.wav`));
    return diagnose({
      fileName: name,
      features: extractFeatures(samples, info.sampleRateHz),
      baseline,
      profile: null,
      rpmOverrides: { 'motor-shaft': meta(name).rpm },
    });
  }

  it.each([
    ['inner-race-007-0hp-105', 'bearing-inner-race'],
    ['inner-race-021-1hp-210', 'bearing-inner-race'],
    ['outer-race-007-0hp-130', 'bearing-outer-race'],
    ['outer-race-021-1hp-235', 'bearing-outer-race'],
  ])('names only the right race on %s: %s', async (name, race) => {
    const report = await diagnoseRecord(name);
    expect(bearingCauses(report)).toEqual([`${race} on drive-end-bearing`]);
  });

  it('names the ball record a bearing defect (no chatter, no outer race) on ball-007-0hp-118', async () => {
    // Not impulsive (kurtosis 3.0 against 2.7 healthy, band SK 0.09): the envelope lines that
    // rose (BPFO-like, 8 dB over healthy) point to the bearing but cannot place the part, and the
    // 3.5 kHz lines stand on a floor that rose with them — a ringing mode, not chatter.
    const report = await diagnoseRecord('ball-007-0hp-118');
    expect(report.anomalous).toBe(true);
    const [top] = report.causes;
    expect(['bearing-rolling-element', 'bearing-part-uncertain']).toContain(top.id);
    expect(top.componentId).toBe('drive-end-bearing');
    expect(report.causes.map((c) => c.id)).not.toContain('chatter');
    expect(report.causes.map((c) => c.id)).not.toContain('bearing-outer-race');
    expect(bearingCauses(report)).toEqual([`${top.id} on drive-end-bearing`]);
  });
});

describe('parts that share their lines', () => {
  // A bare context: a 1 Hz envelope grid, with a baseline (lines must rise 6 dB over it).
  const ctx = {
    features: { envelope: { binWidthHz: 1 } },
    hasBaseline: true,
    frequencies: [],
  } as unknown as RuleContext;
  const line = (expectedHz: number, prominenceDb: number) => ({
    expectedHz,
    frequencyHz: expectedHz,
    levelDb: 0,
    prominenceDb,
    excessDb: prominenceDb - 2,
    present: true,
  });
  function part(cause: PartFamily['cause'], defectHz: number, proms: number[]): PartFamily {
    const lines = proms.map((p, i) => line((i + 1) * defectHz, p));
    const strengthDb = proms.reduce((s, p, i) => s + p / (i === 0 ? 1 : 1.5), 0);
    return {
      cause,
      line: { id: cause, name: cause, kind: 'bearing-bpfo', frequencyHz: defectHz, origin: '' },
      family: { defectHz, lines, present: lines, strengthDb, excessDb: Math.max(...proms) - 2 },
      confidence: strengthDb / (strengthDb + 50),
    };
  }
  const adjust = (_: PartFamily, f: PartFamily['family']) => f.strengthDb / (f.strengthDb + 50);

  it('keeps a second part whose own lines are as strong as the winner’s', () => {
    const outer = part('bearing-outer-race', 100, [30, 28, 26, 24]);
    const inner = part('bearing-inner-race', 151, [29, 27, 25, 23]);
    const decision = separateParts(ctx, [inner, outer], adjust);
    expect(decision.kind).toBe('separated');
    expect(decision.winner.cause).toBe('bearing-outer-race');
    expect(decision.others.map((p) => p.cause)).toEqual(['bearing-inner-race']);
  });

  it('drops a part whose lines are the winner’s harmonics', () => {
    const outer = part('bearing-outer-race', 100, [30, 28, 26, 24]);
    // Its lines at 200, 400, 600, 800 Hz are the winner's 2x, 4x, 6x and 8x.
    const inner = part('bearing-inner-race', 200, [20, 18, 10, 8]);
    expect(separateParts(ctx, [outer, inner], adjust)).toEqual({
      kind: 'separated',
      winner: outer,
      others: [],
    });
  });

  it('calls the part uncertain when the runner-up shares the lines and is nearly as strong', () => {
    const outer = part('bearing-outer-race', 100, [30, 28, 26, 24]);
    const inner = part('bearing-inner-race', 200, [29, 27, 25, 23]);
    const decision = separateParts(ctx, [outer, inner], adjust);
    expect(decision.kind).toBe('uncertain');
    expect(decision.winner.cause).toBe('bearing-outer-race');
  });
});
