/**
 * The simulated lathe through a phone (issue 9): a laptop baseline at 48 kHz, then every fault of
 * the simulator's vocabulary and four healthy recordings through the phone chain
 * (shared/simulation/phoneChain.ts: 300–3400 Hz, 8 kHz, AGC, compressor, μ-law).
 */
import { buildBaselineSignature } from '../../shared/diagnosis/baseline/signature.ts';
import { diagnose } from '../../shared/diagnosis/diagnose.ts';
import { extractFeatures } from '../../shared/diagnosis/features/extractor.ts';
import type { FaultKind } from '../../shared/simulation/machineSim.ts';
import { FAULT_KINDS } from '../../shared/simulation/faults.ts';
import { simulateMachine } from '../../shared/simulation/machineSim.ts';
import { phoneChain } from '../../shared/simulation/phoneChain.ts';
import { simLatheProfile } from '../../shared/simulation/profiles.ts';
import { formatTable, fraction } from './table.ts';

const DURATION_SECONDS = 4;
/** Every fault the simulator makes, in its own order. */
const FAULTS: readonly FaultKind[] = FAULT_KINDS;
const HEALTHY_SEEDS = [50, 51, 52, 53];

function record(seed: number, kind: FaultKind | null) {
  const raw = simulateMachine({
    sampleRateHz: 48000,
    durationSeconds: DURATION_SECONDS,
    seed,
    faults: kind ? [{ kind }] : [],
  });
  return phoneChain(raw, 48000, { seed });
}

/** Runs the phone-chain evaluation and returns its report text (no data folder needed). */
export function evaluatePhone(): string {
  const items = [1, 2, 3, 4, 5].map((seed) =>
    extractFeatures(
      simulateMachine({ sampleRateHz: 48000, durationSeconds: DURATION_SECONDS, seed }),
      48000,
    ),
  );
  const baseline = buildBaselineSignature(
    items,
    items.map((_, i) => i),
    { profile: simLatheProfile, sources: [] },
  );
  const cases = [
    ...HEALTHY_SEEDS.map((seed) => ({ name: `healthy (seed ${seed})`, seed, kind: null })),
    ...FAULTS.map((kind) => ({ name: kind, seed: 60, kind })),
  ];
  let flagged = 0;
  let right = 0;
  let falseAlarms = 0;
  const rows = cases.map(({ name, seed, kind }) => {
    const phone = record(seed, kind);
    const report = diagnose({
      fileName: name,
      features: extractFeatures(phone.samples, phone.sampleRateHz),
      baseline,
      profile: null,
      rpmOverrides: {},
    });
    const top = report.causes[0];
    if (kind && report.anomalous) flagged++;
    if (kind && top?.id === kind) right++;
    if (!kind && report.anomalous) falseAlarms++;
    const band = report.judgedBand?.params;
    return [
      name,
      report.anomalous ? 'yes' : 'no',
      `${report.anomalyScore.toFixed(1)} / ${report.threshold.toFixed(1)}`,
      top ? `${top.id} (${top.confidence.toFixed(2)})` : '—',
      band ? `${band.lowHz}–${band.highHz} Hz` : 'full',
    ];
  });
  const header = `Baseline: five laptop recordings (48 kHz), threshold ${baseline.threshold.toFixed(2)}.`;
  const table = formatTable(['recording', 'flagged', 'score', 'top cause', 'judged on'], rows);
  const summary = formatTable(
    ['faults flagged', 'right top cause', 'false alarms (healthy)'],
    [
      [
        fraction(flagged, FAULTS.length),
        fraction(right, FAULTS.length),
        fraction(falseAlarms, HEALTHY_SEEDS.length),
      ],
    ],
  );
  return `${header}\n\n${table}\n\n${summary}`;
}
