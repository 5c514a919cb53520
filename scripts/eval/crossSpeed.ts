/**
 * Cross-speed cases (issue 9, "At any speed"): the simulated lathe's baseline from healthy
 * recordings at 0.85×, 1.0× and 1.15× of its profile's speed (each recording's speed estimated
 * from its sound), then healthy recordings between those speeds (no alarm wanted), every fault of
 * the simulator's vocabulary at 0.9× and 1.1× (named wanted), and healthy recordings outside
 * (wanted: "outside the speeds of the baseline"). Beside each, what a baseline at 1.0× alone says.
 */
import { speedRangeRpm } from '../../shared/diagnosis/baseline/speedModel.ts';
import type { DiagnosisReport } from '../../shared/diagnosis/report.ts';
import { FAULT_KINDS } from '../../shared/simulation/faults.ts';
import type { FaultKind } from '../../shared/simulation/faults.ts';
import { simLatheProfile } from '../../shared/simulation/profiles.ts';
import { diagnoseSimulated, simulatedBaseline, simulatedRecording } from './simulatedSpeeds.ts';
import { formatTable, fraction } from './table.ts';

const BASELINE_FACTORS = [0.85, 0.85, 1, 1, 1.15, 1.15];
const HEALTHY_INSIDE = [0.9, 0.95, 1.05, 1.1];
const FAULT_FACTORS = [0.9, 1.1];
const HEALTHY_OUTSIDE = [0.7, 1.3];

/** "alarm: misalignment (0.81), 5.4 / 3.0", "outside 1221–1756 rpm" or "no alarm, 1.2 / 3.0". */
function verdictCell(report: DiagnosisReport): string {
  if (report.outsideSpeeds) {
    const p = report.outsideSpeeds.params;
    return `outside ${p.lowRpm}–${p.highRpm} rpm`;
  }
  const score = `${report.anomalyScore.toFixed(1)} / ${report.threshold.toFixed(1)}`;
  if (!report.anomalous) return `no alarm, ${score}`;
  const top = report.causes[0];
  return `alarm: ${top ? `${top.id} (${top.confidence.toFixed(2)})` : '—'}, ${score}`;
}

interface Case {
  readonly name: string;
  readonly factor: number;
  readonly kind: FaultKind | null;
  readonly want: 'no alarm' | 'named' | 'outside';
}

function cases(): Case[] {
  const healthy = (factor: number, want: Case['want']) => ({
    name: `healthy ${factor}×`,
    factor,
    kind: null,
    want,
  });
  return [
    ...HEALTHY_INSIDE.map((factor) => healthy(factor, 'no alarm')),
    ...FAULT_FACTORS.flatMap((factor) =>
      FAULT_KINDS.map((kind) => ({
        name: `${kind} ${factor}×`,
        factor,
        kind,
        want: 'named' as const,
      })),
    ),
    ...HEALTHY_OUTSIDE.map((factor) => healthy(factor, 'outside')),
  ];
}

function met(want: Case['want'], kind: FaultKind | null, report: DiagnosisReport): boolean {
  if (want === 'outside') return report.outsideSpeeds !== undefined;
  if (want === 'no alarm') return !report.anomalous && report.outsideSpeeds === undefined;
  return report.anomalous && report.causes[0]?.id === kind;
}

/** Runs the cross-speed evaluation on the simulator and returns its report text. */
export function evaluateCrossSpeed(): string {
  const healthy = BASELINE_FACTORS.map((factor, i) => simulatedRecording(i + 1, factor));
  const spanning = simulatedBaseline(healthy, true);
  const single = simulatedBaseline(
    healthy.filter((_, i) => BASELINE_FACTORS[i] === 1),
    false,
  );
  const tally = { 'no alarm': [0, 0], named: [0, 0], outside: [0, 0] };
  const singleFalseAlarms = [0, 0];
  const rows = cases().map(({ name, factor, kind, want }, i) => {
    const recorded = simulatedRecording(100 + i, factor, kind);
    const report = diagnoseSimulated(spanning, recorded);
    const alone = diagnoseSimulated(single, recorded);
    const ok = met(want, kind, report);
    tally[want][0] += ok ? 1 : 0;
    tally[want][1] += 1;
    if (!kind) {
      singleFalseAlarms[0] += alone.anomalous ? 1 : 0;
      singleFalseAlarms[1] += 1;
    }
    return [name, want, verdictCell(report), ok ? 'yes' : 'NO', verdictCell(alone)];
  });
  const [lowRpm, highRpm] = speedRangeRpm(spanning.speeds!.groups);
  const groups = spanning.speeds!.groups.map((g) => `${g.rpm.toFixed(0)}`).join(', ');
  return [
    `Baseline over speeds: six healthy recordings at ${[...new Set(BASELINE_FACTORS)].join(', ')}× of ${simLatheProfile.shafts[0].id} ${1480} rpm, speeds estimated from the sound (groups at ${groups} rpm; covers ${lowRpm}–${highRpm} rpm), threshold ${spanning.threshold.toFixed(2)}. Beside it, the two 1.0× recordings alone (one speed, threshold ${single.threshold.toFixed(2)}).`,
    '',
    formatTable(
      ['recording', 'wanted', 'baseline over speeds', 'right', 'baseline at 1.0× only'],
      rows,
    ),
    '',
    formatTable(
      [
        'healthy inside: no alarm',
        'faults named (top cause)',
        'healthy outside: outside the speeds',
        'healthy, 1.0× baseline: false alarms',
      ],
      [
        [
          fraction(tally['no alarm'][0], tally['no alarm'][1]),
          fraction(tally.named[0], tally.named[1]),
          fraction(tally.outside[0], tally.outside[1]),
          fraction(singleFalseAlarms[0], singleFalseAlarms[1]),
        ],
      ],
    ),
  ].join('\n');
}

/**
 * CWRU across its loads: a baseline over speeds needs healthy records at several loads, and the
 * data folder holds one (normal-97-0hp-48k, 0 hp).
 */
export const CWRU_CROSS_LOAD_NOTE =
  'CWRU across loads: not measured — the data folder holds one healthy record (normal-97-0hp-48k, 0 hp, 1796 rpm); a baseline over speeds needs healthy records at several loads. The 1 hp fault records (1772 rpm, 1.3 % slower) are diagnosed against the one-speed 0 hp baseline in the CWRU table above.';
