/**
 * The trend's aggregation on hand-made rows whose answer is known: which diagnoses become points
 * and in what order, the line levels read from findings, the fault markers and the monthly counts.
 */
import { describe, expect, it } from 'vitest';
import type {
  Cause,
  DiagnosisReport,
  Finding,
  FrequencyRef,
} from '../../../shared/diagnosis/report.ts';
import { machineTrend } from '../../../shared/trend/machineTrend.ts';
import type { TrendDiagnosisInput } from '../../../shared/trend/machineTrend.ts';
import { lineLevels } from '../../../shared/trend/lineLevels.ts';

const BPFO: FrequencyRef = { kind: 'bearing-bpfo', componentId: 'spindle-bearing' };
const SHAFT_1X: FrequencyRef = { kind: 'shaft-order', shaftId: 'spindle', order: 1 };

function line(ref: FrequencyRef, harmonic: number, targetHz: number, excessDb: number): Finding {
  return {
    kind: 'peak',
    frequencyHz: targetHz,
    excessDb,
    detail: {
      code: 'raised-line',
      params: { excessDb, match: { harmonic, frequency: ref, targetHz } },
    },
  };
}

function envelopeLine(ref: FrequencyRef, targetHz: number, excessDb: number): Finding {
  return {
    kind: 'envelope',
    frequencyHz: targetHz,
    excessDb,
    detail: {
      code: 'raised-envelope-line',
      params: { excessDb, match: { harmonic: 1, frequency: ref, targetHz } },
    },
  };
}

function cause(id: Cause['id']): Cause {
  return {
    id,
    componentId: 'spindle-bearing',
    confidence: 0.8,
    severity: 'serious',
    evidence: [],
    action: { code: id, params: {} },
  };
}

function report(score: number, findings: Finding[] = [], causes: Cause[] = []): DiagnosisReport {
  return {
    file: 'x.wav',
    sampleRateHz: 48000,
    durationSeconds: 4,
    anomalous: score > 3,
    anomalyScore: score,
    threshold: 3,
    findings,
    causes,
  };
}

let next = 0;
function diagnosis(
  recordingId: string,
  createdAt: string,
  rep: DiagnosisReport,
  extra: Partial<TrendDiagnosisInput> = {},
): TrendDiagnosisInput {
  next += 1;
  return {
    id: `d${next}`,
    recordingId,
    baselineId: 'b',
    createdAt,
    report: rep,
    region: null,
    ...extra,
  };
}

const recordings = [
  { id: 'jan', name: 'jan.wav', createdAt: '2025-01-31T23:30:00.000Z' },
  { id: 'feb', name: 'feb.wav', createdAt: '2025-02-01T00:10:00.000Z' },
  { id: 'feb2', name: 'feb2.wav', createdAt: '2025-02-14T08:00:00.000Z' },
  { id: 'mar', name: 'mar.wav', createdAt: '2025-03-02T12:00:00.000Z' },
];

describe('machineTrend', () => {
  it('keeps the newest diagnosis against a baseline per recording and stretch, by recording time', () => {
    const trend = machineTrend({
      machineId: 'm',
      recordings,
      diagnoses: [
        diagnosis('mar', '2025-03-02T12:01:00.000Z', report(1.5)),
        diagnosis('jan', '2025-02-20T00:00:00.000Z', report(2)),
        // Re-run after a new baseline: replaces the older point of the same recording.
        diagnosis('jan', '2025-03-05T00:00:00.000Z', report(1)),
        // No baseline: kinematic evidence only, not on the score's scale.
        diagnosis('feb', '2025-02-01T00:11:00.000Z', report(9), { baselineId: null }),
        // A stretch 90 s into the recording: its own point, 90 s later.
        diagnosis('feb', '2025-02-01T00:12:00.000Z', report(6, [], [cause('unbalance')]), {
          region: { startSeconds: 90, endSeconds: 95 },
        }),
        diagnosis('feb', '2025-02-01T00:13:00.000Z', report(2.5)),
        // A recording no longer listed is left out rather than placed at no time.
        diagnosis('gone', '2025-02-01T00:13:00.000Z', report(2.5)),
      ],
      faults: [],
    });
    expect(trend.points.map((p) => [p.recordingName, p.time, p.anomalyScore])).toEqual([
      ['jan.wav', '2025-01-31T23:30:00.000Z', 1],
      ['feb.wav', '2025-02-01T00:10:00.000Z', 2.5],
      ['feb.wav', '2025-02-01T00:11:30.000Z', 6],
      ['mar.wav', '2025-03-02T12:00:00.000Z', 1.5],
    ]);
    expect(trend.points[2]).toMatchObject({
      anomalous: true,
      causeId: 'unbalance',
      componentId: 'spindle-bearing',
      severity: 'serious',
      threshold: 3,
      region: { startSeconds: 90, endSeconds: 95 },
    });
  });

  it('leaves out diagnoses that judged nothing: no usable signal, or outside the speeds', () => {
    const silent: DiagnosisReport = { ...report(0), input: { usable: false, problems: [] } };
    const outside: DiagnosisReport = {
      ...report(0),
      outsideSpeeds: {
        code: 'outside-baseline-speeds',
        params: { shaftId: 'spindle', rpm: 2100, lowRpm: 1200, highRpm: 1800 },
      },
    };
    const trend = machineTrend({
      machineId: 'm',
      recordings,
      diagnoses: [
        diagnosis('jan', '2025-02-20T00:00:00.000Z', report(2)),
        // Newer, but no measurement: the older point of the recording stays.
        diagnosis('jan', '2025-02-21T00:00:00.000Z', silent),
        diagnosis('feb', '2025-02-21T00:00:00.000Z', outside),
      ],
      faults: [],
    });
    expect(trend.points.map((p) => [p.recordingName, p.anomalyScore])).toEqual([['jan.wav', 2]]);
  });

  it('counts top causes by calendar month in UTC', () => {
    const trend = machineTrend({
      machineId: 'm',
      recordings,
      diagnoses: [
        // 23:30 UTC on 31 January: January, whatever the reader's zone.
        diagnosis('jan', '2025-01-31T23:31:00.000Z', report(5, [], [cause('misalignment')])),
        diagnosis('feb', '2025-02-01T00:11:00.000Z', report(5, [], [cause('unbalance')])),
        diagnosis('feb2', '2025-02-14T08:01:00.000Z', report(7, [], [cause('unbalance')])),
        diagnosis('mar', '2025-03-02T12:01:00.000Z', report(1)),
        diagnosis('feb', '2025-02-01T00:12:00.000Z', report(4, [], [cause('bearing-outer-race')]), {
          region: { startSeconds: 1, endSeconds: 2 },
        }),
      ],
      faults: [],
    });
    expect(trend.causesByMonth).toEqual([
      { month: '2025-01', diagnosisCount: 1, causes: [{ causeId: 'misalignment', count: 1 }] },
      {
        month: '2025-02',
        diagnosisCount: 3,
        causes: [
          { causeId: 'unbalance', count: 2 },
          { causeId: 'bearing-outer-race', count: 1 },
        ],
      },
      { month: '2025-03', diagnosisCount: 1, causes: [] },
    ]);
  });

  it('lists fault-log entries oldest first with their status', () => {
    const trend = machineTrend({
      machineId: 'm',
      recordings,
      diagnoses: [],
      faults: [
        {
          id: 'f2',
          createdAt: '2025-03-01T00:00:00.000Z',
          status: 'verified',
          causeId: null,
          archived: true,
          diagnosisId: null,
        },
        {
          id: 'f1',
          createdAt: '2025-02-01T00:00:00.000Z',
          status: 'open',
          causeId: 'unbalance',
          archived: false,
          diagnosisId: 'd',
        },
      ],
    });
    expect(trend.faults).toEqual([
      {
        entryId: 'f1',
        time: '2025-02-01T00:00:00.000Z',
        status: 'open',
        causeId: 'unbalance',
        archived: false,
        diagnosisId: 'd',
      },
      {
        entryId: 'f2',
        time: '2025-03-01T00:00:00.000Z',
        status: 'verified',
        causeId: null,
        archived: true,
        diagnosisId: null,
      },
    ]);
    expect(trend.points).toEqual([]);
    expect(trend.causesByMonth).toEqual([]);
  });

  it('gives a non-finite score as null', () => {
    const trend = machineTrend({
      machineId: 'm',
      recordings,
      diagnoses: [diagnosis('jan', '2025-02-01T00:00:00.000Z', report(Number.NaN))],
      faults: [],
    });
    expect(trend.points[0].anomalyScore).toBeNull();
  });
});

describe('lineLevels', () => {
  it("reads each line's strongest matching finding, null where none matched", () => {
    const { lines, levelsDb } = lineLevels([
      report(1),
      report(5, [
        line(BPFO, 1, 107.5, 8),
        line(BPFO, 1, 107.5, 11.5),
        line(BPFO, 2, 215, 7),
        // Unmatched and legacy findings name no line.
        {
          ...line(BPFO, 1, 107.5, 30),
          detail: { code: 'raised-line', params: { excessDb: 30, match: null } },
        },
        { ...line(BPFO, 1, 107.5, 40), detail: 'spectral line 40 dB above the healthy maximum' },
      ]),
      report(6, [envelopeLine(BPFO, 107.5, 14), line(SHAFT_1X, 1, 24.7, 6.5)]),
    ]);
    expect(lines.map((l) => [l.frequency.kind, l.harmonic, l.source, l.frequencyHz])).toEqual([
      ['bearing-bpfo', 1, 'envelope', 107.5],
      ['bearing-bpfo', 1, 'spectrum', 107.5],
      ['bearing-bpfo', 2, 'spectrum', 215],
      ['shaft-order', 1, 'spectrum', 24.7],
    ]);
    expect(levelsDb).toEqual([
      [null, null, null, null],
      [null, 11.5, 7, null],
      [14, null, null, 6.5],
    ]);
  });

  it('keeps the strongest lines when there are more than asked for', () => {
    const findings = [1, 2, 3, 4].map((n) => line(SHAFT_1X, n, 24.7 * n, 6 + n));
    const { lines, levelsDb } = lineLevels([report(5, findings)], 2);
    expect(lines.map((l) => l.harmonic)).toEqual([4, 3]);
    expect(levelsDb).toEqual([[10, 9]]);
  });
});
