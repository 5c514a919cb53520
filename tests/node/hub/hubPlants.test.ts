/**
 * What the hub answers across many machines, for the caller's plants only, on a real PostgreSQL
 * cluster: the experts' queue (an item leaves it once judged), the fault log and its PDF report
 * for a supervisor of one plant, and one audit-log line for each call that writes, refused or not.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  FaultLogEntry,
  FaultLogPage,
  RecordingSummary,
  ReviewQueuePage,
} from '../../../shared/api/contract.ts';
import type { ApiMethod } from '../../../shared/api/methods.ts';
import { NO_FILTERS } from '../../../shared/faultLog/filter.ts';
import { ensurePlant } from '../../../node/hub/people.ts';
import { startHub } from '../../../node/hub/server.ts';
import type { Hub } from '../../../node/hub/server.ts';
import { openPostgresStore } from '../../../node/store/postgres/postgresStore.ts';
import { signInCookie, startHubDatabase } from '../../helpers/hubDatabase.ts';
import type { HubDatabase, HubPeople } from '../../helpers/hubDatabase.ts';
import { csvRecords, readCsv } from '../../helpers/csvReader.ts';
import { readPdf } from '../../helpers/pdfReader.ts';
import { lathe, recordingRow, report } from '../store/contractFixtures.ts';

const clock = { now: () => new Date(), newId: randomUUID };
let database: HubDatabase;
let hub: Hub;
let pool: pg.Pool;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};

const PEOPLE: HubPeople = {
  boss: { role: 'supervisor', plants: ['North'] },
  expert: { role: 'expert', plants: ['North'] },
  tech: { role: 'technician', plants: ['North'] },
  admin: { role: 'admin', plants: [] },
};

/** A machine of `plant` with one anomalous diagnosis saved to the fault log. */
async function seedMachine(url: string, name: string, plant: string) {
  const store = await openPostgresStore(url, clock);
  try {
    const machineId = await store.machines.insert({ ...lathe, id: name.replace(' ', '-'), name });
    const plantId = await ensurePlant(pool, clock, plant);
    await pool.query('UPDATE machines SET plant_id = $1 WHERE id = $2', [plantId, machineId]);
    const recordingId = randomUUID();
    await store.recordings.insert(recordingRow(recordingId, machineId, '2026-03-01T00:00:00.000Z'));
    const diagnosis = await store.diagnoses.insert({
      recordingId,
      machineId,
      baselineId: null,
      report,
    });
    await store.faultLog.add({
      machineId,
      diagnosisId: diagnosis.id,
      recordingId,
      causeId: 'unbalance',
      note: `${name} rattles`,
      recordedBy: 'Li',
    });
    ids[name] = diagnosis.id;
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  database = await startHubDatabase(PEOPLE, 'hub-plants');
  const { url } = database;
  pool = database.pool;
  Object.assign(ids, database.userIds);
  await seedMachine(url, 'Lathe North', 'North');
  await seedMachine(url, 'Mill South', 'South');
  hub = await startHub({ databaseUrl: url, port: 0, workFolder: database.folder });
  for (const name of Object.keys(PEOPLE)) cookies[name] = await signInCookie(hub.url, name);
});
afterAll(async () => {
  await hub?.close();
  await database?.close();
});

async function call(who: string, method: ApiMethod, args: unknown[]) {
  return fetch(new URL(`api/${method.replace('.', '/')}`, hub.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookies[who] },
    body: JSON.stringify({ args }),
  });
}

async function result<T>(who: string, method: ApiMethod, args: unknown[]): Promise<T> {
  const response = await call(who, method, args);
  expect(response.status, `${who} ${method}`).toBe(200);
  return ((await response.json()) as { result: T }).result;
}

const verdict = {
  decision: 'confirm',
  causeId: 'unbalance',
  otherCause: '',
  componentId: null,
  severity: null,
  action: '',
  comment: '',
  expertName: 'Dr Wen',
};

describe("the hub's lists over many machines", () => {
  it("gives a supervisor the fault log and its PDF of their plant's entries only", async () => {
    const entries = await result<FaultLogEntry[]>('boss', 'faultLog.list', []);
    expect(entries.map((entry) => entry.machineName)).toEqual(['Lathe North']);
    const request = { limit: 10, cursor: null, filters: NO_FILTERS };
    const page = await result<FaultLogPage>('boss', 'faultLog.page', [request]);
    expect(page.entries.map((entry) => entry.machineName)).toEqual(['Lathe North']);
    expect(page.total).toBe(1);
    const adminPage = await result<FaultLogPage>('admin', 'faultLog.page', [request]);
    expect(adminPage.entries).toHaveLength(2);
    expect(adminPage.total).toBe(2);
    const response = await call('boss', 'reports.faultLog', [
      NO_FILTERS,
      { language: 'en', paper: 'a4' },
    ]);
    expect(response.status, await response.clone().text()).toBe(200);
    const text = (await readPdf(new Uint8Array(await response.arrayBuffer()))).text.replace(
      /\s+/g,
      '',
    );
    expect(text).toContain('LatheNorth');
    expect(text).toContain('1entr');
    expect(text).not.toContain('MillSouth');
    const all = await result<FaultLogEntry[]>('admin', 'faultLog.list', []);
    expect(all.map((entry) => entry.machineName).sort()).toEqual(['Lathe North', 'Mill South']);
  });

  it("writes a supervisor's fault-log CSV of their plant's entries only, in either language", async () => {
    const csv = async (who: string, language: string) => {
      const response = await call(who, 'reports.faultLogCsv', [NO_FILTERS, language]);
      expect(response.status, await response.clone().text()).toBe(200);
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      return csvRecords(readCsv(new TextDecoder().decode(bytes)));
    };
    expect((await csv('boss', 'en')).map((row) => row['Machine'])).toEqual(['Lathe North']);
    expect((await csv('boss', 'zh-CN')).map((row) => row['设备'])).toEqual(['Lathe North']);
    expect((await csv('admin', 'en')).map((row) => row['Machine']).sort()).toEqual([
      'Lathe North',
      'Mill South',
    ]);
  });

  it("shows an expert their plants' queue; a judged item leaves it, and each write is audited", async () => {
    const queue = (who: string) =>
      result<ReviewQueuePage>(who, 'review.queue', [{ limit: 20, cursor: null }]);
    expect((await queue('expert')).items.map((item) => item.machineName)).toEqual(['Lathe North']);
    expect((await queue('expert')).items[0]).toMatchObject({ plantName: 'North' });
    expect((await queue('admin')).items).toHaveLength(2);
    expect((await call('tech', 'review.queue', [{ limit: 20, cursor: null }])).status).toBe(403);
    const bad = await call('expert', 'review.queue', [{ limit: 20, cursor: 'made up' }]);
    expect(bad.status).toBe(400);

    await result('expert', 'verdicts.record', [ids['Lathe North'], verdict]);
    expect((await queue('expert')).items).toEqual([]);
    expect((await call('expert', 'verdicts.record', [ids['Mill South'], verdict])).status).toBe(
      404,
    );
    const { rows } = await pool.query(
      `SELECT user_id, action, detail FROM audit_log WHERE action = 'verdicts.record' ORDER BY seq`,
    );
    expect(rows).toEqual([
      {
        user_id: ids.expert,
        action: 'verdicts.record',
        detail: { subjectId: ids['Lathe North'], outcome: 'ok' },
      },
      {
        user_id: ids.expert,
        action: 'verdicts.record',
        detail: { subjectId: ids['Mill South'], outcome: 'not-found' },
      },
    ]);
    // Reads leave no line.
    const reads = await pool.query(`SELECT 1 FROM audit_log WHERE action = 'review.queue'`);
    expect(reads.rows).toEqual([]);
  });

  it("lets an expert calibrate an imported recording of their plant, not another plant's", async () => {
    const recordingOf = async (machineName: string) =>
      String(
        (
          await pool.query(
            `SELECT r.id FROM recordings r JOIN machines m ON m.id = r.machine_id
             WHERE m.name = $1`,
            [machineName],
          )
        ).rows[0].id,
      );
    const [north, south] = [await recordingOf('Lathe North'), await recordingOf('Mill South')];
    const source = { fileName: 'memo-mic.txt', text: '20 0\n20000 0\n', sensitivityDbfs: -30 };
    const calibrated = await result<RecordingSummary>('expert', 'recordings.setCalibration', [
      north,
      source,
    ]);
    expect(calibrated.calibration?.fileName).toBe('memo-mic.txt');
    expect((await call('expert', 'recordings.setCalibration', [south, source])).status).toBe(404);
    // A supervisor runs the fault log; the microphone is not theirs to vouch for.
    expect((await call('boss', 'recordings.setCalibration', [north, null])).status).toBe(403);
    const { rows } = await pool.query(
      `SELECT detail FROM audit_log WHERE action = 'recordings.setCalibration' ORDER BY seq`,
    );
    expect(rows.map((row) => [row.detail.subjectId, row.detail.outcome])).toEqual([
      [north, 'ok'],
      [south, 'not-found'],
    ]);
  });
});
