import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libraryFiles, simWav } from '../library/libraryFixtures.ts';
import { API_METHODS } from '../../../shared/api/methods.ts';
import type {
  BaselineSpectrumView,
  BaselineSummary,
  MachineDetail,
  RecordingSummary,
  StoredDiagnosis,
} from '../../../shared/api/contract.ts';
import { LATHE_WAV, openLatheAndMill, pollJob, rejection } from './apiFixtures.ts';
import type { ApiFixture } from './apiFixtures.ts';

let api: ApiFixture;
let machine: MachineDetail;
let healthy: RecordingSummary[];
let faulty: RecordingSummary;
let otherMachine: MachineDetail;

const { durationSeconds: SECONDS, sampleRateHz: RATE } = LATHE_WAV;

beforeAll(async () => {
  ({ api, machine, healthy, otherMachine } = await openLatheAndMill([1, 2, 3, 4]));
  const contaminated = simWav({
    seed: 9,
    ...LATHE_WAV,
    faults: [{ kind: 'lead-screw-contamination' }],
  });
  faulty = await api.importWav(machine.id, 'x-axis.wav', contaminated);
}, 60_000);

afterAll(async () => {
  await api.close();
});

describe('every API method through dispatch', () => {
  it('lists and gets machines', async () => {
    const list = await api.call('machines.list');
    expect(list).toEqual([
      {
        id: machine.id,
        name: 'Simulated lathe',
        lineFrequencyHz: 50,
        recordingCount: 5,
        hasBaseline: expect.any(Boolean),
        isDemo: false,
        lastRecordingAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        openFaultCount: expect.any(Number),
        latestVerdict: expect.toBeOneOf([
          null,
          expect.objectContaining({ recordingId: expect.any(String) }),
        ]),
      },
      expect.objectContaining({ id: otherMachine.id, name: 'mill', recordingCount: 0 }),
    ]);
    const detail = (await api.call('machines.get', machine.id)) as MachineDetail;
    expect(detail.profile.components).toHaveLength(7);
    expect(detail.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('updates a machine profile and its name', async () => {
    const updated = (await api.call('machines.update', otherMachine.id, {
      id: 'mill',
      name: 'VMC mill',
      lineFrequencyHz: 60,
      shafts: [{ id: 'spindle', rpm: 3000 }],
    })) as MachineDetail;
    expect(updated).toMatchObject({ id: otherMachine.id, name: 'VMC mill', lineFrequencyHz: 60 });
    expect(updated.profile.shafts).toEqual([{ id: 'spindle', rpm: 3000 }]);
    expect(updated.updatedAt >= updated.createdAt).toBe(true);
  });

  it('lists the recordings imported in chunks, oldest first', async () => {
    const list = (await api.call('recordings.list', machine.id)) as RecordingSummary[];
    expect(list.map((r) => r.name)).toEqual([
      'healthy-1.wav',
      'healthy-2.wav',
      'healthy-3.wav',
      'healthy-4.wav',
      'x-axis.wav',
    ]);
    expect(list[0]).toMatchObject({ sampleRateHz: RATE, durationSeconds: SECONDS });
  });

  it('returns the WAV bytes of a recording', async () => {
    const audio = await api.call('recordings.audio', healthy[0].id);
    expect(audio).toBeInstanceOf(ArrayBuffer);
    const expected = simWav({ seed: 1, durationSeconds: SECONDS, sampleRateHz: RATE });
    expect(new Uint8Array(audio as ArrayBuffer)).toEqual(expected);
  });

  it('cancels an import and leaves nothing behind', async () => {
    const importId = await api.call('recordings.beginImport', machine.id, 'gone.wav', 1000);
    await api.call('recordings.appendImport', importId, new ArrayBuffer(10));
    await api.call('recordings.cancelImport', importId);
    await api.call('recordings.cancelImport', importId); // harmless twice
    expect((await libraryFiles(api.library)).tmp).toEqual([]);
    const error = await rejection(
      api.call('recordings.appendImport', importId, new ArrayBuffer(1)),
    );
    expect(error.code).toBe('not-found');
  });

  it('builds a baseline as a job whose progress reaches 1 with a result', async () => {
    const jobId = (await api.call(
      'baselines.build',
      machine.id,
      healthy.map((r) => r.id),
    )) as string;
    const seen = await pollJob<BaselineSummary>(api.call, jobId);
    const progress = seen.map((s) => s.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const last = seen[seen.length - 1];
    expect(last).toMatchObject({ state: 'done', progress: 1, error: null });
    expect(last.result?.recordingIds).toEqual(healthy.map((r) => r.id));
    const detail = (await api.call('machines.get', machine.id)) as MachineDetail;
    expect(detail.baseline).toEqual(last.result);
    expect(detail.hasBaseline).toBe(true);
  });

  it('shows the baseline spectrum with a normal band, at most 2000 points', async () => {
    const view = (await api.call('baselines.spectrum', machine.id)) as BaselineSpectrumView;
    const detail = (await api.call('machines.get', machine.id)) as MachineDetail;
    expect(view.baselineId).toBe(detail.baseline?.id);
    expect(view.frequenciesHz.length).toBeGreaterThan(100);
    expect(view.frequenciesHz.length).toBeLessThanOrEqual(2000);
    for (const key of ['medianDb', 'lowerDb', 'upperDb'] as const) {
      expect(view[key]).toHaveLength(view.frequenciesHz.length);
    }
    view.medianDb.forEach((median, i) => {
      expect(view.lowerDb[i]).toBeLessThanOrEqual(median);
      expect(view.upperDb[i]).toBeGreaterThanOrEqual(median);
    });
    expect(view.frequenciesHz[view.frequenciesHz.length - 1]).toBeLessThanOrEqual(0.45 * RATE);
    expect(await api.call('baselines.spectrum', otherMachine.id)).toBeNull();
  });

  it('diagnoses a recording against the baseline, stores and lists the result', async () => {
    const stored = (await api.call('diagnoses.run', faulty.id)) as StoredDiagnosis;
    expect(stored).toMatchObject({ recordingId: faulty.id, machineId: machine.id });
    expect(stored.report.file).toBe('x-axis.wav');
    expect(stored.report.anomalous).toBe(true);
    expect(stored.report.causes[0].id).toBe('lead-screw-contamination');
    expect(await api.call('diagnoses.list', faulty.id)).toEqual([stored]);
    expect(await api.call('diagnoses.list', healthy[0].id)).toEqual([]);
  });

  it('keeps the language setting, English by default', async () => {
    expect(await api.call('settings.get')).toEqual({ language: 'en' });
    expect(await api.call('settings.set', { language: 'zh-CN' })).toEqual({ language: 'zh-CN' });
    expect(await api.call('settings.get')).toEqual({ language: 'zh-CN' });
    await api.call('settings.set', { language: 'en' });
  });

  it('covers every method of the contract, here or in the other API tests', async () => {
    const { readFile } = await import('node:fs/promises');
    const sources = await Promise.all(
      [
        import.meta.url,
        new URL('./dispatchErrors.test.ts', import.meta.url),
        new URL('./recordAndReview.test.ts', import.meta.url),
        new URL('./reviewSelection.test.ts', import.meta.url),
        new URL('./faultLogWorkflow.test.ts', import.meta.url),
        new URL('./machineTrend.test.ts', import.meta.url),
        new URL('./reports.test.ts', import.meta.url),
        new URL('./verdicts.test.ts', import.meta.url),
        new URL('./bundles.test.ts', import.meta.url),
        new URL('./bundleTransfer.ts', import.meta.url),
        new URL('../sync/hubLinkOffline.test.ts', import.meta.url),
        new URL('./micCalibrations.test.ts', import.meta.url),
        new URL('./recordingCalibration.test.ts', import.meta.url),
      ].map((url) => readFile(new URL(url), 'utf8')),
    );
    for (const method of API_METHODS) expect(sources.join('\n')).toContain(`'${method}'`);
  });
});
