/**
 * review.selection and diagnoses.save through dispatch, on a library with the demo machine: the
 * analysis of a stretch, stored only when saved, on the baseline's level with its normal band,
 * anomalies and characteristic frequencies; and on a machine without a baseline.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  MachineDetail,
  MachineSummary,
  RecordingSummary,
  SelectionAnalysis,
  StoredDiagnosis,
  VerdictSummary,
} from '../../../shared/api/contract.ts';
import { openDemoAndMill, openForTheseTests, rejection } from './apiFixtures.ts';
import type { ApiFixture } from './apiFixtures.ts';
import { recordInChunks } from './sessionRecording.ts';

let api: ApiFixture;
let demo: MachineSummary;
let bare: MachineDetail;
let contaminated: RecordingSummary;

openForTheseTests(openDemoAndMill, (opened) => ({ api, demo, bare, contaminated } = opened));

describe('review.selection', () => {
  let analysis: SelectionAnalysis;
  beforeAll(async () => {
    analysis = (await api.call('review.selection', contaminated.id, 0.5, 3.5)) as SelectionAnalysis;
  }, 30_000);

  it('analyses the stretch asked for, and stores nothing however often it is asked', async () => {
    expect(analysis).toMatchObject({
      recordingId: contaminated.id,
      startSeconds: 0.5,
      endSeconds: 3.5,
    });
    expect(analysis.report.durationSeconds).toBe(3);
    expect(analysis.report.causes[0].id).toBe('lead-screw-contamination');
    const before = (await api.call('diagnoses.list', contaminated.id)) as StoredDiagnosis[];
    for (const start of [0.25, 0.5, 0.75]) {
      await api.call('review.selection', contaminated.id, start, 3.5);
    }
    expect(await api.call('diagnoses.list', contaminated.id)).toEqual(before);
  });

  it('stores the same diagnosis on diagnoses.save, with its stretch', async () => {
    const saved = (await api.call('diagnoses.save', contaminated.id, 0.5, 3.5)) as StoredDiagnosis;
    expect(saved.report).toEqual(analysis.report);
    expect(saved.region).toEqual({ startSeconds: 0.5, endSeconds: 3.5 });
    const stored = (await api.call('diagnoses.list', contaminated.id)) as StoredDiagnosis[];
    expect(stored[0]).toEqual(saved);
  });

  it('answers the newest diagnosis when the same stretch is saved again, a new one otherwise', async () => {
    const first = (await api.call('diagnoses.save', contaminated.id, 0.5, 3.5)) as StoredDiagnosis;
    const count = ((await api.call('diagnoses.list', contaminated.id)) as StoredDiagnosis[]).length;
    const again = (await api.call('diagnoses.save', contaminated.id, 0.5, 3.5)) as StoredDiagnosis;
    expect(again.id).toBe(first.id);
    expect(await api.call('diagnoses.list', contaminated.id)).toHaveLength(count);
    const other = (await api.call('diagnoses.save', contaminated.id, 0.5, 3.0)) as StoredDiagnosis;
    expect(other.id).not.toBe(first.id);
    expect(await api.call('diagnoses.list', contaminated.id)).toHaveLength(count + 1);
    // Back to the first stretch: the newest is another one now, so it is stored again.
    const back = (await api.call('diagnoses.save', contaminated.id, 0.5, 3.5)) as StoredDiagnosis;
    expect(back.id).not.toBe(first.id);
    expect(await api.call('diagnoses.list', contaminated.id)).toHaveLength(count + 2);
  });

  it('gives the saved diagnosis as the recording’s verdict and the machine’s newest', async () => {
    const saved = (await api.call('diagnoses.save', contaminated.id, 0.5, 3.5)) as StoredDiagnosis;
    const verdicts = (await api.call(
      'recordings.verdicts',
      contaminated.machineId,
    )) as VerdictSummary[];
    expect(verdicts.find((v) => v.recordingId === contaminated.id)).toMatchObject({
      diagnosisId: saved.id,
      anomalous: true,
      causeId: 'lead-screw-contamination',
    });
    const machines = (await api.call('machines.list')) as MachineSummary[];
    const machine = machines.find((m) => m.id === contaminated.machineId);
    expect(machine?.latestVerdict?.diagnosisId).toBe(saved.id);
  });

  it('sends spectra of at most 4000 points on ascending frequencies, with the baseline band', () => {
    const { spectrum, baseline, envelope } = analysis;
    for (const series of [spectrum, envelope]) {
      expect(series.frequenciesHz.length).toBeLessThanOrEqual(4000);
      expect(series.frequenciesHz.length).toBe(series.levelsDb.length);
      expect(series.frequenciesHz.every((f, i, all) => i === 0 || f > all[i - 1])).toBe(true);
    }
    expect(spectrum.frequenciesHz.length).toBeGreaterThan(1000);
    expect(baseline?.frequenciesHz.length).toBeLessThanOrEqual(4000);
    expect(baseline?.medianDb.length).toBe(baseline?.frequenciesHz.length);
    expect(envelope.highHz).toBeGreaterThan(envelope.lowHz);
  });

  it('shows a healthy stretch level with the baseline, inside its normal band', async () => {
    const healthy = ((await api.call('recordings.list', demo.id)) as RecordingSummary[]).find(
      (r) => r.name === 'review-1.wav',
    ) as RecordingSummary;
    const { spectrum, baseline } = (await api.call(
      'review.selection',
      healthy.id,
      0,
      4,
    )) as SelectionAnalysis;
    if (baseline === null) throw new Error('the demo machine has a baseline');
    // Same bins, pooled the same way: point i of both covers the same frequencies.
    expect(spectrum.levelsDb).toHaveLength(baseline.medianDb.length);
    const differences = spectrum.levelsDb.map((level, i) => level - baseline.medianDb[i]);
    const sorted = [...differences].sort((a, b) => a - b);
    expect(Math.abs(sorted[sorted.length >> 1])).toBeLessThan(1);
    const inside = spectrum.levelsDb.filter(
      (level, i) => level >= baseline.lowerDb[i] - 1 && level <= baseline.upperDb[i] + 1,
    );
    expect(inside.length / spectrum.levelsDb.length).toBeGreaterThan(0.9);
  }, 30_000);

  it('highlights only lines at least 6 dB over the healthy maximum', () => {
    expect(analysis.anomalies.every((a) => a.excessDb >= 6)).toBe(true);
  });

  it("marks the profile's characteristic frequencies inside the spectrum", () => {
    const ids = analysis.markers.map((m) => m.id);
    expect(ids).toContain('shaft:spindle:1x');
    expect(ids.some((id) => id.startsWith('ballscrew:x-ballscrew:'))).toBe(true);
    const top = analysis.spectrum.frequenciesHz.at(-1) ?? 0;
    expect(analysis.markers.every((m) => m.frequencyHz > 0 && m.frequencyHz <= top + 2)).toBe(true);
  });

  it('has no baseline and no anomalies on a machine without a baseline', async () => {
    const { result } = await recordInChunks(
      api,
      bare.id,
      new Float32Array(16000).map((_, i) => Math.sin(i)),
      8000,
    );
    const bareAnalysis = (await api.call(
      'review.selection',
      result.recording.id,
      0,
      2,
    )) as SelectionAnalysis;
    expect(bareAnalysis.baseline).toBeNull();
    expect(bareAnalysis.anomalies).toEqual([]);
    expect(bareAnalysis.markers.length).toBeGreaterThan(0); // line frequency 1x and 2x
  });

  it.each([
    [[1, 1], /endSeconds must be after startSeconds/],
    [[2, 1], /endSeconds must be after startSeconds/],
    [[0, 4.1], /past the end of the recording/],
    [[1, 1.4], /at least 0.5 s/],
    [[-1, 2], /must not be negative/],
    [[0, Number.POSITIVE_INFINITY], /finite/],
    [[0, Number.NaN], /must be a number/],
    [[0, '2'], /must be a number/],
  ])('refuses the stretch %j with invalid-argument', async (seconds, message) => {
    const error = await rejection(api.call('review.selection', contaminated.id, ...seconds));
    expect(error.code).toBe('invalid-argument');
    expect(error.message).toMatch(message);
  });

  it('answers an unknown recording with not-found', async () => {
    expect((await rejection(api.call('review.selection', 'nope', 0, 1))).code).toBe('not-found');
  });
});
