/**
 * The demo library through the API as a host serves it, with features computed in the worker
 * thread: the same baseline and the same diagnoses as those made on first start.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  BaselineSummary,
  MachineDetail,
  MachineSummary,
  RecordingSummary,
  StoredDiagnosis,
} from '../../../shared/api/contract.ts';
import { openDemoApi, pollJob } from './apiFixtures.ts';
import type { ApiFixture } from './apiFixtures.ts';

let api: ApiFixture;
let demo: MachineSummary;
let recordings: RecordingSummary[];

beforeAll(async () => {
  ({ api, demo } = await openDemoApi({ pool: 'workers' }));
  recordings = (await api.call('recordings.list', demo.id)) as RecordingSummary[];
}, 60_000);
afterAll(async () => {
  await api.close();
});

function named(name: string): RecordingSummary {
  const found = recordings.find((r) => r.name === name);
  if (!found) throw new Error(`no recording ${name}`);
  return found;
}

describe('the demo machine through the API', () => {
  it('is listed with its recordings and baseline', () => {
    expect(demo).toMatchObject({ name: 'Demo lathe', isDemo: true, hasBaseline: true });
    expect(recordings).toHaveLength(6);
  });

  it('rebuilds the same baseline in the worker thread', async () => {
    const before = await api.library.store.baselines.current(demo.id);
    const healthyIds = recordings.filter((r) => r.name.startsWith('healthy')).map((r) => r.id);
    const jobId = (await api.call('baselines.build', demo.id, healthyIds)) as string;
    const seen = await pollJob<BaselineSummary>(api.call, jobId);
    expect(seen[seen.length - 1]).toMatchObject({ state: 'done', progress: 1 });
    const after = await api.library.store.baselines.current(demo.id);
    expect(after?.summary.id).not.toBe(before?.summary.id);
    expect(after?.signature).toEqual(before?.signature);
    const detail = (await api.call('machines.get', demo.id)) as MachineDetail;
    expect(detail.baseline?.id).toBe(after?.summary.id);
  });

  it.each<[string, string | null]>([
    ['review-2.wav', 'lead-screw-contamination'],
    ['review-1.wav', null],
  ])('diagnoses %s with top cause %s, as on first start', async (name, topCause) => {
    const recording = named(name);
    const [first] = (await api.call('diagnoses.list', recording.id)) as StoredDiagnosis[];
    const fresh = (await api.call('diagnoses.run', recording.id)) as StoredDiagnosis;
    expect(fresh.report).toEqual(first.report);
    expect(fresh.report.causes[0]?.id ?? null).toBe(topCause);
    const list = (await api.call('diagnoses.list', recording.id)) as StoredDiagnosis[];
    expect(list.map((d) => d.id)).toEqual([fresh.id, first.id]);
  });
});
