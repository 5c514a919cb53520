/**
 * machines.trend through dispatch on a real library: the demo machine's six recordings
 * diagnosed against its baseline through the API, two more recorded live with a bearing defect
 * and an unbalance (diagnosed on Stop: their reports match findings to characteristic lines),
 * the contaminated one saved to the fault log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/contract.ts';
import type {
  BaselineSummary,
  FaultLogEntry,
  MachineDetail,
  MachineSummary,
  MachineTrend,
  RecordingSummary,
  StoredDiagnosis,
} from '../../../shared/api/contract.ts';
import { recordDemoThroughSession } from '../../helpers/demoSession.ts';
import type { FaultSpec } from '../../../shared/simulation/faults.ts';
import { openDemoApi } from './apiFixtures.ts';
import type { ApiFixture } from './apiFixtures.ts';

let api: ApiFixture;
let demo: MachineSummary;
let recordings: RecordingSummary[];
let diagnoses: StoredDiagnosis[];
let entry: FaultLogEntry;

beforeAll(async () => {
  ({ api, demo } = await openDemoApi());
  recordings = (await api.call('recordings.list', demo.id)) as RecordingSummary[];
  diagnoses = [];
  for (const recording of recordings) {
    diagnoses.push((await api.call('diagnoses.run', recording.id)) as StoredDiagnosis);
  }
  for (const [seed, fault] of LIVE_FAULTS) diagnoses.push(await recordDemo(seed, fault));
  recordings = (await api.call('recordings.list', demo.id)) as RecordingSummary[];
  const faulty = diagnoses[recordings.findIndex((r) => r.name === 'review-2.wav')];
  entry = (await api.call('faultLog.add', faulty.id, 'X screw', 'Li Wei')) as FaultLogEntry;
}, 60_000);
afterAll(async () => {
  await api.close();
});

const LIVE_FAULTS: readonly (readonly [number, FaultSpec])[] = [
  [11, { kind: 'bearing-outer-race', componentId: 'spindle-bearing' }],
  [12, { kind: 'unbalance' }],
];

/** Records 3 s of the demo lathe with `fault` through a live session; its stored diagnosis. */
async function recordDemo(seed: number, fault: FaultSpec): Promise<StoredDiagnosis> {
  const result = await recordDemoThroughSession(api.typed.sessions, demo.id, seed, [fault]);
  return result.diagnosis as StoredDiagnosis;
}

const trendOf = async (machineId: string) =>
  (await api.call('machines.trend', machineId)) as MachineTrend;

describe('machines.trend', () => {
  it("gives the demo machine's diagnoses over time, with the threshold and the top cause", async () => {
    const trend = await trendOf(demo.id);
    const baseline = (await api.call('machines.get', demo.id)) as MachineDetail;
    const threshold = (baseline.baseline as BaselineSummary).threshold;
    // The seeded diagnoses of review-1 and review-2 were run again: one point per recording.
    expect(trend.points.map((p) => p.recordingName)).toEqual(recordings.map((r) => r.name));
    expect(trend.points.map((p) => p.diagnosisId)).toEqual(diagnoses.map((d) => d.id));
    expect(trend.points.map((p) => p.time)).toEqual(recordings.map((r) => r.createdAt));
    for (const [index, point] of trend.points.entries()) {
      const report = diagnoses[index].report;
      expect(point).toMatchObject({
        anomalyScore: report.anomalyScore,
        threshold,
        anomalous: report.anomalous,
        causeId: report.causes[0]?.id ?? null,
      });
    }
    const faulty = trend.points.find((p) => p.recordingName === 'review-2.wav');
    expect(faulty).toMatchObject({ anomalous: true, causeId: 'lead-screw-contamination' });
    expect(
      trend.points.filter((p) => p.recordingName.startsWith('healthy')).map((p) => p.anomalous),
    ).toEqual([false, false, false, false]);
    expect(trend.points.slice(-2).map((p) => p.causeId)).toEqual([
      'bearing-outer-race',
      'unbalance',
    ]);
  });

  it("reads each line's level from the findings that matched it", async () => {
    const trend = await trendOf(demo.id);
    expect(trend.lines).toHaveLength(6);
    // The defect's own line, in the envelope, is among the strongest.
    const bpfo = trend.lines.findIndex(
      (l) => l.frequency.kind === 'bearing-bpfo' && l.harmonic === 1 && l.source === 'envelope',
    );
    expect(bpfo).toBeGreaterThanOrEqual(0);
    const bearingPoint = trend.points[trend.points.length - 2];
    expect(bearingPoint.levelsDb[bpfo]).toBeGreaterThan(10);
    // The healthy recordings raise no line.
    for (const point of trend.points.slice(0, 4))
      expect(point.levelsDb.every((l) => l === null)).toBe(true);
    for (const [index, point] of trend.points.entries()) {
      expect(point.levelsDb).toHaveLength(trend.lines.length);
      const excesses = diagnoses[index].report.findings.map((f) => f.excessDb);
      for (const level of point.levelsDb) if (level !== null) expect(excesses).toContain(level);
    }
    // A raised line is at least 6 dB over the healthy maximum, or it is no finding.
    const levels = trend.points.flatMap((p) => p.levelsDb).filter((l) => l !== null);
    expect(Math.min(...levels)).toBeGreaterThanOrEqual(6);
  });

  it('marks the fault-log entry and counts the causes of the month', async () => {
    const trend = await trendOf(demo.id);
    expect(trend.faults).toEqual([
      {
        entryId: entry.id,
        time: entry.createdAt,
        status: 'open',
        causeId: 'lead-screw-contamination',
        archived: false,
        diagnosisId: entry.diagnosisId,
      },
    ]);
    await api.call('faultLog.transition', entry.id, 'acknowledged', { by: 'Li Wei' });
    expect((await trendOf(demo.id)).faults[0].status).toBe('acknowledged');
    const months = new Set(recordings.map((r) => r.createdAt.slice(0, 7)));
    expect(trend.causesByMonth.map((m) => m.month)).toEqual([...months].sort());
    const counted = trend.causesByMonth.flatMap((m) => m.causes);
    const anomalous = trend.points.filter((p) => p.anomalous && p.causeId !== null);
    expect(counted.reduce((sum, c) => sum + c.count, 0)).toBe(anomalous.length);
    expect(trend.causesByMonth.reduce((sum, m) => sum + m.diagnosisCount, 0)).toBe(8);
  });

  it('is empty for a machine without diagnoses, and refuses an unknown machine', async () => {
    const bare = (await api.call('machines.create', {
      id: 'mill',
      lineFrequencyHz: 60,
    })) as MachineDetail;
    expect(await trendOf(bare.id)).toEqual({
      machineId: bare.id,
      points: [],
      lines: [],
      faults: [],
      causesByMonth: [],
    });
    const error = await api.call('machines.trend', 'no-such').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('not-found');
  });
});
