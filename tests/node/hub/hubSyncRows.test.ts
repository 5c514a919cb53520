/**
 * Rows between a desktop and a hub on a real PostgreSQL cluster, over HTTP: a device's plant at
 * sign-in, pushes applied in reference order and idempotently, conflicts settled the same way
 * whatever order the copies arrive in with the loser kept, each refusal, and hostile bodies
 * refused whole (pulling them back: hubSyncPull.test.ts).
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SYNC_ROWS } from '../../../shared/sync/protocol.ts';
import type { SyncRow } from '../../../shared/sync/protocol.ts';
import { rowDigest } from '../../../node/sync/rowDigest.ts';
import {
  diagnosisRow,
  faultRow,
  machineRow,
  outcomes,
  recordingRow,
  sha256,
  startSyncHub,
} from './syncFixture.ts';
import type { SyncHub } from './syncFixture.ts';

const WAV = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../shared/data/cwru/normal-97-0hp-48k.wav',
);
let sync: SyncHub;
let tech: string;
let wav: Uint8Array;
const MACHINE = randomUUID();
const RECORDING = randomUUID();

beforeAll(async () => {
  sync = await startSyncHub();
  tech = await sync.token('tech');
  wav = new Uint8Array(await readFile(WAV));
  const path = `hub/sync/audio/${RECORDING}/audio`;
  const uploaded = await sync.putAudio(tech, path, wav, 0, wav.length, sha256(wav));
  expect(uploaded.status).toBe(200);
});
afterAll(async () => sync?.close());

async function one(sql: string, values: unknown[] = []) {
  return (await sync.pool.query(sql, values)).rows[0];
}

describe("a device's plant", () => {
  it('is the only plant of its user by default, or the one asked for among theirs', async () => {
    const me = async (token: string) => (await sync.request(token, 'GET', 'hub/me')).body;
    expect(await me(tech)).toMatchObject({
      name: 'tech',
      role: 'technician',
      plantId: sync.plants.North,
    });
    expect((await me(await sync.token('both'))).plantId).toBeNull();
    expect((await me(await sync.token('both', sync.plants.South))).plantId).toBe(sync.plants.South);
    const refused = await sync.request(
      null,
      'POST',
      'hub/sign-in',
      JSON.stringify({
        name: 'tech',
        password: 'a password long enough',
        deviceName: 'x',
        plantId: sync.plants.South,
      }),
      { 'Content-Type': 'application/json' },
    );
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
  });
});

describe('pushing rows to the hub', () => {
  it('applies rows in reference order, puts new machines in the device plant, and repeats idempotently', async () => {
    const rows = [
      faultRow(randomUUID(), MACHINE, 'Loud at high speed'),
      diagnosisRow(randomUUID(), RECORDING, MACHINE),
      recordingRow(RECORDING, MACHINE),
      machineRow(MACHINE),
    ];
    const first = await sync.push(tech, rows);
    expect(first.status).toBe(200);
    expect(outcomes(first)).toEqual(['applied', 'applied', 'applied', 'applied']);
    expect(first.body.outcomes[0]).toMatchObject({
      table: 'fault_log',
      id: rows[0].id,
      version: 1,
    });
    expect((await one('SELECT plant_id FROM machines WHERE id = $1', [MACHINE])).plant_id).toBe(
      sync.plants.North,
    );
    const audits = async () =>
      Number((await one("SELECT count(*) FROM audit_log WHERE action = 'sync-pushed'")).count);
    const audit = await one("SELECT detail FROM audit_log WHERE action = 'sync-pushed'");
    expect(audit.detail).toMatchObject({ deviceId: 'desk-1', inserted: 4, refused: 0 });
    const before = await one('SELECT sync_seq, updated_at, version FROM fault_log WHERE id = $1', [
      rows[0].id,
    ]);
    const again = await sync.push(tech, rows);
    expect(outcomes(again)).toEqual(['applied', 'applied', 'applied', 'applied']);
    expect(
      await one('SELECT sync_seq, updated_at, version FROM fault_log WHERE id = $1', [rows[0].id]),
    ).toEqual(before);
    expect(Number((await one('SELECT count(*) FROM sync_row_history')).count)).toBe(0);
    expect(await audits()).toBe(1);
  });

  it('keeps the later of two copies and the other in the history, whatever order they arrive in', async () => {
    await sync.push(tech, [machineRow(MACHINE)]);
    const settled = [];
    for (const order of [
      ['early', 'late'],
      ['late', 'early'],
    ]) {
      const id = randomUUID();
      const copies: Record<string, SyncRow> = {
        early: faultRow(id, MACHINE, 'Noted on the laptop', '2026-12-04T09:00:00.000Z', 2),
        late: faultRow(id, MACHINE, 'Corrected on another laptop', '2026-12-04T09:05:00.000Z', 2),
      };
      for (const name of order) {
        expect(outcomes(await sync.push(tech, [copies[name]]))).toEqual(['applied']);
      }
      // The losing copy again (its answer lost on the way): nothing more is kept or audited.
      const audited = await one("SELECT count(*) FROM audit_log WHERE action = 'sync-pushed'");
      expect(outcomes(await sync.push(tech, [copies.early]))).toEqual(['applied']);
      expect(await one("SELECT count(*) FROM audit_log WHERE action = 'sync-pushed'")).toEqual(
        audited,
      );
      const kept = await one('SELECT note, version, updated_at FROM fault_log WHERE id = $1', [id]);
      const history = (
        await sync.pool.query(
          'SELECT digest, columns, version FROM sync_row_history WHERE row_id = $1',
          [id],
        )
      ).rows;
      expect(kept).toMatchObject({ note: 'Corrected on another laptop', version: 2 });
      expect(history).toHaveLength(1);
      expect(history[0].columns.note).toBe('Noted on the laptop');
      expect(history[0].digest).toBe(rowDigest(copies.early.columns));
      settled.push({ note: kept.note, digest: history[0].digest });
    }
    expect(settled[0]).toEqual(settled[1]);
  });

  it("takes a recording's later version that gives it a microphone calibration, and one that takes it away", async () => {
    await sync.push(tech, [machineRow(MACHINE), recordingRow(RECORDING, MACHINE)]);
    const calibration = {
      fileName: 'memo-mic.txt',
      sensitivityDbfs: -30,
      frequenciesHz: [20, 1000, 4000],
      responseDb: [0, 0, 6],
    };
    // As recordings.setCalibration leaves the row on the desktop: a new version, a later time.
    const given = { ...recordingRow(RECORDING, MACHINE), version: 2 };
    const calibrated = {
      ...given,
      updatedAt: '2026-12-04T10:00:00.000Z',
      columns: { ...given.columns, mic_calibration: calibration },
    };
    expect(outcomes(await sync.push(tech, [calibrated]))).toEqual(['applied']);
    const stored = () =>
      one('SELECT mic_calibration, version FROM recordings WHERE id = $1', [RECORDING]);
    expect(await stored()).toEqual({ mic_calibration: calibration, version: 2 });
    const removed = {
      ...calibrated,
      version: 3,
      updatedAt: '2026-12-04T11:00:00.000Z',
      columns: { ...calibrated.columns, mic_calibration: null },
    };
    expect(outcomes(await sync.push(tech, [removed]))).toEqual(['applied']);
    expect(await stored()).toEqual({ mic_calibration: null, version: 3 });
  });

  it('refuses rows waiting for audio or a reference, of another plant, or that the schema refuses', async () => {
    await sync.push(tech, [machineRow(MACHINE)]);
    const missingAudio = recordingRow(randomUUID(), MACHINE);
    const withOriginal = recordingRow(RECORDING, MACHINE, {
      original_format: 'm4a',
      original_size_bytes: 1000,
    });
    const orphan = diagnosisRow(randomUUID(), randomUUID(), MACHINE);
    const badStatus = {
      ...faultRow(randomUUID(), MACHINE, 'x'),
      columns: { ...faultRow('f', MACHINE, 'x').columns, status: 'broken' },
    };
    const badFlag = {
      ...machineRow(randomUUID()),
      columns: { ...machineRow('m').columns, is_demo: 'yes' },
    };
    const badCalibration = recordingRow(randomUUID(), MACHINE, {
      mic_calibration: { fileName: 'umik.txt', sensitivityDbfs: -18, frequenciesHz: [] },
    });
    const answer = await sync.push(tech, [
      missingAudio,
      withOriginal,
      orphan,
      badStatus,
      badFlag,
      badCalibration,
    ]);
    expect(outcomes(answer)).toEqual([
      'audio-missing',
      'audio-missing',
      'reference-missing',
      'invalid',
      'invalid',
      'invalid',
    ]);
    expect(answer.body.outcomes[5].message).toMatch(/mic_calibration is no calibration/);
    expect(answer.body.outcomes[3].message).toMatch(/status must be one of/);
    const south = await sync.token('south');
    const foreign = await sync.push(south, [
      faultRow(randomUUID(), MACHINE, 'Not mine'),
      { ...machineRow(MACHINE, 'Renamed'), updatedAt: '2027-01-01T00:00:00.000Z' },
    ]);
    expect(outcomes(foreign)).toEqual(['not-your-plant', 'not-your-plant']);
    // Nor does another plant's device learn anything of this plant's recordings' audio.
    const audio = await sync.request(south, 'GET', `hub/sync/audio/${RECORDING}/audio`);
    expect(audio.status).toBe(404);
    expect((await one('SELECT name FROM machines WHERE id = $1', [MACHINE])).name).toBe('Lathe 3');
    const expert = await sync.token('expert');
    expect((await sync.push(expert, [machineRow(randomUUID())])).status).toBe(403);
  });

  it('refuses a body that is not a PushRequest whole, with one sentence, writing nothing', async () => {
    const fresh = machineRow(randomUUID());
    const bodies: [unknown, number, RegExp][] = [
      [{ deviceId: 'desk-1', rows: [fresh, { ...fresh, table: 'users' }] }, 400, /unknown table/],
      [
        {
          deviceId: 'desk-1',
          rows: [
            fresh,
            { ...fresh, columns: { ...fresh.columns, 'name; DROP TABLE machines': 1 } },
          ],
        },
        400,
        /unknown column/,
      ],
      [{ deviceId: 'desk-1', rows: [fresh, { ...fresh, id: '../etc/passwd' }] }, 400, /valid id/],
      [{ deviceId: 'desk-1', rows: [fresh, { ...fresh, version: -1 }] }, 400, /valid version/],
      [{ deviceId: '../x', rows: [fresh] }, 400, /deviceId/],
      [
        { deviceId: 'desk-1', rows: Array.from({ length: MAX_SYNC_ROWS + 1 }, () => fresh) },
        413,
        /at most/,
      ],
    ];
    for (const [body, status, message] of bodies) {
      const answer = await sync.request(tech, 'POST', 'hub/sync/push', JSON.stringify(body), {
        'Content-Type': 'application/json',
      });
      expect(answer.status).toBe(status);
      expect(answer.body.error.message).toMatch(message);
    }
    const notJson = await sync.request(tech, 'POST', 'hub/sync/push', '{"deviceId":', {
      'Content-Type': 'application/json',
    });
    expect(notJson.status).toBe(400);
    expect(await one('SELECT 1 AS found FROM machines WHERE id = $1', [fresh.id])).toBeUndefined();
    const cookie = await sync.request(null, 'POST', 'hub/sync/push', '{}', {
      Cookie: `auscult_hub_session=${tech}`,
    });
    expect(cookie).toMatchObject({ status: 401, body: { error: { reason: 'sign-in-required' } } });
  });
});
