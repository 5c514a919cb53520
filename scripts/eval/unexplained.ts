/**
 * Anomalies that match no kinematic pattern (issue 9): the simulated lathe (48 kHz, 4 s) with a
 * rattle, a rub at 1×, a whine on no order, and its work cycle (a knock every 0.45 s in the
 * baseline) at another period or with beats skipped. Each row: flagged, score, top cause and what
 * its evidence says changed in time (modulation rates, missing beats, bursts of knocks).
 */
import { buildBaselineSignature } from '../../shared/diagnosis/baseline/signature.ts';
import type { BaselineSignature } from '../../shared/diagnosis/baseline/signature.ts';
import { diagnose } from '../../shared/diagnosis/diagnose.ts';
import { extractFeatures } from '../../shared/diagnosis/features/extractor.ts';
import type { DiagnosisReport } from '../../shared/diagnosis/report.ts';
import type { SimulationOptions } from '../../shared/simulation/machineSim.ts';
import { simulateMachine } from '../../shared/simulation/machineSim.ts';
import { simLatheProfile } from '../../shared/simulation/profiles.ts';
import { formatTable } from './table.ts';

export type Extra = Pick<SimulationOptions, 'cycle' | 'anomalies' | 'faults'>;

export const CYCLE = { periodSeconds: 0.45 };

function features(seed: number, extra: Extra) {
  const samples = simulateMachine({ sampleRateHz: 48000, durationSeconds: 4, seed, ...extra });
  return extractFeatures(samples, 48000);
}

export function baselineOf(extra: Extra): BaselineSignature {
  const items = [1, 2, 3, 4, 5].map((seed) => features(seed, extra));
  return buildBaselineSignature(
    items,
    items.map((_, i) => i),
    { profile: simLatheProfile, sources: [] },
  );
}

/**
 * What changed in time per the top cause's evidence: the rates of 'rhythm-changed', and the
 * short-time energy's 'beats-missing' or 'bursts-appeared' (the loudest share of frames, dB over
 * the median now against healthy); '—' for none.
 */
function changedInTime(report: DiagnosisReport): string {
  const parts: string[] = [];
  for (const item of report.causes[0]?.evidence ?? []) {
    if (typeof item === 'string') continue;
    if (item.code === 'rhythm-changed') {
      parts.push(item.params.findings.map((f) => `${f.frequencyHz.toFixed(1)} Hz`).join(', '));
    } else if (item.code === 'beats-missing' || item.code === 'bursts-appeared') {
      const p = item.params;
      parts.push(
        `${item.code} (top ${p.topPercent} % of ${p.frameMs} ms: ${p.levelDb} dB, healthy ${p.healthyDb} dB)`,
      );
    }
  }
  return parts.join('; ') || '—';
}

/** The simulated cases (also scored by the embedding study, embedding.ts). */
export const CASES: readonly { name: string; wanted: string; cycle: boolean; extra: Extra }[] = [
  { name: 'healthy', wanted: 'no alarm', cycle: false, extra: {} },
  { name: 'rattle', wanted: 'flagged', cycle: false, extra: { anomalies: [{ kind: 'rattle' }] } },
  {
    name: 'rattle +12 dB',
    wanted: 'flagged',
    cycle: false,
    extra: { anomalies: [{ kind: 'rattle', levelDb: 12 }] },
  },
  { name: 'rub at 1×', wanted: 'flagged', cycle: false, extra: { anomalies: [{ kind: 'rub' }] } },
  {
    name: 'rub at 1× −6 dB',
    wanted: 'flagged',
    cycle: false,
    extra: { anomalies: [{ kind: 'rub', levelDb: -6 }] },
  },
  {
    name: 'whine 1237 Hz',
    wanted: 'flagged',
    cycle: false,
    extra: { anomalies: [{ kind: 'whine' }] },
  },
  {
    name: 'chatter (a fault, for contrast)',
    wanted: 'chatter',
    cycle: false,
    extra: { faults: [{ kind: 'chatter' }] },
  },
  {
    name: 'chatter −6 dB',
    wanted: 'chatter',
    cycle: false,
    extra: { faults: [{ kind: 'chatter', levelDb: -6 }] },
  },
  { name: 'cycle 0.45 s (healthy)', wanted: 'no alarm', cycle: true, extra: { cycle: CYCLE } },
  {
    name: 'cycle 0.55 s',
    wanted: 'flagged',
    cycle: true,
    extra: { cycle: { periodSeconds: 0.55 } },
  },
  { name: 'cycle 0.4 s', wanted: 'flagged', cycle: true, extra: { cycle: { periodSeconds: 0.4 } } },
  {
    name: 'cycle, every 3rd beat skipped',
    wanted: 'flagged',
    cycle: true,
    extra: { cycle: { ...CYCLE, skipEvery: 3 } },
  },
  {
    name: 'cycle, every 2nd beat skipped',
    wanted: 'flagged',
    cycle: true,
    extra: { cycle: { ...CYCLE, skipEvery: 2 } },
  },
];

/** The modulation's, beats' and knocks' own thresholds of a baseline. */
function ownThresholds(b: BaselineSignature): string {
  const text = (v: number | undefined) => v?.toFixed(2) ?? 'none';
  return `modulation ${text(b.modulationThreshold)}, beats ${text(b.beatThreshold)}, knocks ${text(b.knockThreshold)}`;
}

/** Runs the evaluation and returns its report text (no data folder needed). */
export function evaluateUnexplained(): string {
  const plain = baselineOf({});
  const cycled = baselineOf({ cycle: CYCLE });
  const rows = CASES.map(({ name, wanted, cycle, extra }) => {
    const report = diagnose({
      fileName: name,
      features: features(60, extra),
      baseline: cycle ? cycled : plain,
      profile: null,
      rpmOverrides: {},
    });
    const top = report.causes[0];
    return [
      name,
      wanted,
      report.anomalous ? 'yes' : 'no',
      `${report.anomalyScore.toFixed(1)} / ${report.threshold.toFixed(1)}`,
      top ? `${top.id} (${top.confidence.toFixed(2)})` : '—',
      changedInTime(report),
    ];
  });
  const header =
    `Baselines: five healthy recordings without the work cycle (own thresholds: ` +
    `${ownThresholds(plain)}) and five with it (${ownThresholds(cycled)}).`;
  const table = formatTable(
    ['recording', 'wanted', 'flagged', 'score', 'top cause', 'changed in time'],
    rows,
  );
  return `${header}\n\n${table}`;
}
