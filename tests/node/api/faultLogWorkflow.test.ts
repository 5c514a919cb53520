/**
 * The fault log's status workflow through dispatch, on a library with the demo machine and its
 * baseline: real recordings (the demo's, and new ones recorded through live sessions and
 * diagnosed against the baseline on Stop), real diagnoses, real SQLite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/contract.ts';
import type {
  FaultLogEntry,
  FaultLogEvent,
  FaultLogPage,
  MachineDetail,
  MachineSummary,
  RecordingSummary,
  ReviewQueuePage,
  StoredDiagnosis,
} from '../../../shared/api/contract.ts';
import { NO_FILTERS } from '../../../shared/faultLog/filter.ts';
import { recordDemoThroughSession } from '../../helpers/demoSession.ts';
import type { FaultSpec } from '../../../shared/simulation/faults.ts';
import { simWav } from '../library/libraryFixtures.ts';
import { openDemoApi } from './apiFixtures.ts';
import type { ApiFixture } from './apiFixtures.ts';

let api: ApiFixture;
let demo: MachineSummary;
let bare: MachineDetail;
let faultyDiagnosis: StoredDiagnosis;
let healthyBefore: RecordingSummary;

beforeAll(async () => {
  ({ api, demo } = await openDemoApi());
  bare = (await api.call('machines.create', { id: 'mill', lineFrequencyHz: 60 })) as MachineDetail;
  const recordings = (await api.call('recordings.list', demo.id)) as RecordingSummary[];
  const faulty = recordings.find((r) => r.name === 'review-2.wav') as RecordingSummary;
  healthyBefore = recordings.find((r) => r.name === 'review-1.wav') as RecordingSummary;
  [faultyDiagnosis] = (await api.call('diagnoses.list', faulty.id)) as StoredDiagnosis[];
}, 60_000);
afterAll(async () => {
  await api.close();
});

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

const recordDemo = (machineId: string, seed: number, faults: readonly FaultSpec[] = []) =>
  recordDemoThroughSession(api.typed.sessions, machineId, seed, faults);

const newEntry = async (by = 'Li Wei') =>
  (await api.call('faultLog.add', faultyDiagnosis.id, 'chips in the X screw', by)) as FaultLogEntry;

const history = async (entryId: string) =>
  (await api.call('faultLog.history', entryId)) as FaultLogEvent[];

describe('faultLog workflow', () => {
  it('verifies only with a later, normal recording of the same machine, and keeps the history', async () => {
    const entry = await newEntry();
    expect(entry).toMatchObject({ status: 'open', recordedBy: 'Li Wei', archived: false });
    const acknowledged = (await api.call('faultLog.transition', entry.id, 'acknowledged', {
      by: ' Ana ',
      reason: 'seen it',
    })) as FaultLogEntry;
    expect(acknowledged.status).toBe('acknowledged');
    await api.call('faultLog.transition', entry.id, 'repaired', { by: 'Bo' });
    const verify = (followUpRecordingId?: string) =>
      refusal(
        api.call('faultLog.transition', entry.id, 'verified', { by: 'Cai', followUpRecordingId }),
      );

    expect(await verify()).toMatchObject({ code: 'invalid-input', reason: 'follow-up-required' });
    expect(await verify(healthyBefore.id)).toMatchObject({
      code: 'invalid-input',
      reason: 'follow-up-before-entry',
      params: { name: 'review-1.wav' },
    });
    const elsewhere = await recordDemo(bare.id, 31);
    expect(await verify(elsewhere.recording.id)).toMatchObject({
      reason: 'follow-up-other-machine',
    });
    const stillFaulty = await recordDemo(demo.id, 32, [
      { kind: 'lead-screw-contamination', componentId: 'x-ballscrew' },
    ]);
    expect(stillFaulty.diagnosis?.report.anomalous).toBe(true);
    expect(await verify(stillFaulty.recording.id)).toMatchObject({
      reason: 'follow-up-not-normal',
      params: { name: stillFaulty.recording.name },
    });
    const undiagnosed = await api.importWav(demo.id, 'later.wav', simWav({ seed: 33 }));
    expect(await verify(undiagnosed.id)).toMatchObject({ reason: 'follow-up-not-diagnosed' });
    expect(await verify('no-such-recording')).toMatchObject({ code: 'not-found' });
    // Every refusal left the entry as it was.
    expect((await history(entry.id)).map((e) => e.toStatus)).toEqual([
      'open',
      'acknowledged',
      'repaired',
    ]);

    const normal = await recordDemo(demo.id, 34);
    expect(normal.diagnosis?.report.anomalous).toBe(false);
    const verified = (await api.call('faultLog.transition', entry.id, 'verified', {
      by: 'Cai',
      followUpRecordingId: normal.recording.id,
    })) as FaultLogEntry;
    expect(verified).toMatchObject({
      status: 'verified',
      followUpRecordingId: normal.recording.id,
    });

    const events = await history(entry.id);
    expect(events.map((e) => [e.kind, e.by, e.fromStatus, e.toStatus, e.reason])).toEqual([
      ['created', 'Li Wei', null, 'open', ''],
      ['status', 'Ana', 'open', 'acknowledged', 'seen it'],
      ['status', 'Bo', 'acknowledged', 'repaired', ''],
      ['status', 'Cai', 'repaired', 'verified', ''],
    ]);
    expect(events[3].followUpRecordingId).toBe(normal.recording.id);
    expect(events[0].at).toBe(entry.createdAt);
    for (const event of events) expect(event.at).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/);
    const times = events.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);

    // Verified is final.
    expect(
      await refusal(
        api.call('faultLog.transition', entry.id, 'dismissed', { by: 'Di', reason: 'x' }),
      ),
    ).toMatchObject({
      code: 'conflict',
      reason: 'transition-not-allowed',
      params: { from: 'verified', to: 'dismissed' },
    });
  }, 60_000);

  it('moves only forward: back to an earlier status is a conflict naming both', async () => {
    const entry = await newEntry();
    await api.call('faultLog.transition', entry.id, 'repair-planned', { by: 'Ana' });
    expect(
      await refusal(api.call('faultLog.transition', entry.id, 'acknowledged', { by: 'Ana' })),
    ).toMatchObject({
      code: 'conflict',
      reason: 'transition-not-allowed',
      params: { from: 'repair-planned', to: 'acknowledged' },
    });
    expect(
      await refusal(
        api.call('faultLog.transition', entry.id, 'repaired', {
          by: 'Ana',
          followUpRecordingId: healthyBefore.id,
        }),
      ),
    ).toMatchObject({ reason: 'follow-up-not-expected' });
  });

  it('dismisses only with a reason, and then refuses any further move', async () => {
    const entry = await newEntry('');
    expect(entry.recordedBy).toBe('');
    for (const reason of [undefined, '', '   ']) {
      expect(
        await refusal(
          api.call('faultLog.transition', entry.id, 'dismissed', { by: 'Ana', reason }),
        ),
      ).toMatchObject({ code: 'invalid-input', reason: 'reason-required' });
    }
    const dismissed = (await api.call('faultLog.transition', entry.id, 'dismissed', {
      by: 'Ana',
      reason: ' sensor was loose ',
    })) as FaultLogEntry;
    expect(dismissed.status).toBe('dismissed');
    expect((await history(entry.id)).map((e) => [e.by, e.toStatus, e.reason])).toEqual([
      ['', 'open', ''],
      ['Ana', 'dismissed', 'sensor was loose'],
    ]);
    expect(
      await refusal(api.call('faultLog.transition', entry.id, 'repaired', { by: 'Ana' })),
    ).toMatchObject({ code: 'conflict', params: { from: 'dismissed', to: 'repaired' } });
  });

  it('keeps archived entries in the list, flagged, with the change in the history', async () => {
    const entry = await newEntry();
    const archived = (await api.call(
      'faultLog.setArchived',
      entry.id,
      true,
      'Ana',
    )) as FaultLogEntry;
    expect(archived).toMatchObject({ id: entry.id, archived: true, status: 'open' });
    const listed = (await api.call('faultLog.list')) as FaultLogEntry[];
    expect(listed.find((e) => e.id === entry.id)).toEqual(archived);
    // Archived entries still move through the workflow.
    await api.call('faultLog.transition', entry.id, 'acknowledged', { by: 'Bo' });
    const back = (await api.call('faultLog.setArchived', entry.id, false, 'Cai')) as FaultLogEntry;
    expect(back).toMatchObject({ archived: false, status: 'acknowledged' });
    expect((await history(entry.id)).map((e) => [e.kind, e.by])).toEqual([
      ['created', 'Li Wei'],
      ['archived', 'Ana'],
      ['status', 'Bo'],
      ['unarchived', 'Cai'],
    ]);
  });

  it.each([
    ['faultLog.transition', ['nope', 'acknowledged', { by: 'Ana' }], 'not-found'],
    ['faultLog.transition', ['nope', 'closed', { by: 'Ana' }], 'invalid-argument'],
    ['faultLog.transition', ['nope', 'acknowledged', { by: '  ' }], 'invalid-argument'],
    ['faultLog.transition', ['nope', 'acknowledged', { by: 'x'.repeat(101) }], 'invalid-argument'],
    [
      'faultLog.transition',
      ['nope', 'acknowledged', { by: 'A', reason: 'x'.repeat(2001) }],
      'invalid-argument',
    ],
    ['faultLog.transition', ['nope', 'acknowledged', { by: 'A', note: 'x' }], 'invalid-argument'],
    ['faultLog.transition', ['nope', 'acknowledged'], 'invalid-argument'],
    ['faultLog.setArchived', ['nope', true, 'Ana'], 'not-found'],
    ['faultLog.setArchived', ['nope', 'yes', 'Ana'], 'invalid-argument'],
    ['faultLog.setArchived', ['nope', true, ''], 'invalid-argument'],
    ['faultLog.history', ['nope'], 'not-found'],
    ['faultLog.history', [], 'invalid-argument'],
    ['faultLog.get', ['nope'], 'not-found'],
    ['faultLog.get', [], 'invalid-argument'],
  ])('%s(%j) fails with %s', async (method, args, code) => {
    expect((await refusal(api.call(method, ...args))).code).toBe(code);
  });
});

describe('paged lists on the laptop', () => {
  it("pages the fault log with the screen's filters, and refuses a made-up cursor", async () => {
    const made = [await newEntry('Paged One'), await newEntry('Paged Two')];
    // Newest first, then by id: two entries made in the same millisecond (a loaded machine)
    // come in id order, so the expected order is worked out from what was made.
    const [newer, older] = made
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
      .map((entry) => entry.recordedBy);
    const filters = { ...NO_FILTERS, showArchived: true, text: 'paged' };
    const first = (await api.call('faultLog.page', {
      limit: 1,
      cursor: null,
      filters,
    })) as FaultLogPage;
    expect(first.entries.map((e) => e.recordedBy)).toEqual([newer]);
    // The count of every page comes with the first one only.
    expect(first.total).toBe(2);
    const second = (await api.call('faultLog.page', {
      limit: 1,
      cursor: first.nextCursor,
      filters,
    })) as FaultLogPage;
    expect(second.entries.map((e) => e.recordedBy)).toEqual([older]);
    expect(second.nextCursor).toBeNull();
    expect(second.total).toBeNull();
    // The CSV of every entry the filters let through, written by the host.
    const csv = (await api.call('reports.faultLogCsv', filters, 'en')) as ArrayBuffer;
    const text = new TextDecoder().decode(csv);
    expect(text.split('\n').filter((line) => line.includes('Paged'))).toHaveLength(2);
    // One entry by its id, as the pages show it (an entry's address opened by itself).
    expect(await api.call('faultLog.get', second.entries[0].id)).toEqual(second.entries[0]);
    const bad = { limit: 1, cursor: 'x', filters };
    expect((await refusal(api.call('faultLog.page', bad))).code).toBe('invalid-argument');
    const tooMany = { limit: 501, cursor: null, filters };
    expect((await refusal(api.call('faultLog.page', tooMany))).code).toBe('invalid-argument');
  });

  it("queues the library's own diagnoses that no expert has judged", async () => {
    const queue = (await api.call('review.queue', { limit: 50, cursor: null })) as ReviewQueuePage;
    expect(queue.items.length).toBeGreaterThan(0);
    expect(queue.items.every((item) => item.plantName === null)).toBe(true);
    // The demo's faulty recording is abnormal: it comes before the normal ones.
    const faulty = queue.items.findIndex((item) => item.diagnosisId === faultyDiagnosis.id);
    expect(faulty).toBeGreaterThanOrEqual(0);
    expect(queue.items.slice(0, faulty).every((item) => item.verdict.anomalous)).toBe(true);
  });
});
