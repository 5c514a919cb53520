/**
 * Microphone calibrations on a hub, on a real PostgreSQL cluster: each person's own. Input
 * devices are known by their label only, and two people's microphones of one model share it
 * ("UMIK-1 Gain: 18dB") while each unit has its own calibration file; so one technician's file
 * must neither reach another's recordings nor be replaced or removed by them.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  DeviceCalibration,
  MachineDetail,
  RecordingSummary,
  SessionResult,
} from '../../../shared/api/contract.ts';
import {
  ARGS_HEADER,
  BINARY_CONTENT_TYPE,
  encodeArgsHeader,
} from '../../../shared/api/httpProtocol.ts';
import type { ApiMethod } from '../../../shared/api/methods.ts';
import type { StoredCalibration } from '../../../shared/audio/calibration/storedCalibration.ts';
import { startHub } from '../../../node/hub/server.ts';
import type { Hub } from '../../../node/hub/server.ts';
import { signInCookie, startHubDatabase } from '../../helpers/hubDatabase.ts';
import type { HubDatabase, HubPeople } from '../../helpers/hubDatabase.ts';
import { DEVICE, UMIK } from '../api/calibratedRecording.ts';

const PEOPLE: HubPeople = {
  north: { role: 'technician', plants: ['North'] },
  south: { role: 'technician', plants: ['South'] },
};
const RATE_HZ = 8000;

let database: HubDatabase;
let hub: Hub;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  database = await startHubDatabase(PEOPLE, 'hub-calibrations');
  hub = await startHub({ databaseUrl: database.url, port: 0, workFolder: database.folder });
  for (const name of Object.keys(PEOPLE)) cookies[name] = await signInCookie(hub.url, name);
}, 60_000);
afterAll(async () => {
  await hub?.close();
  await database?.close();
});

async function result<T>(who: string, method: ApiMethod, args: unknown[]): Promise<T> {
  const response = await fetch(new URL(`api/${method.replace('.', '/')}`, hub.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookies[who] },
    body: JSON.stringify({ args }),
  });
  expect(response.status, `${who} ${method}: ${await response.clone().text()}`).toBe(200);
  return ((await response.json()) as { result: T }).result;
}

/** A second of a 1 kHz tone recorded live on the hub by `who` through the device `DEVICE`. */
async function recordThrough(who: string, machineId: string) {
  const sessionId = await result<string>(who, 'sessions.start', [machineId, RATE_HZ, DEVICE]);
  const samples = Float32Array.from({ length: RATE_HZ }, (_, i) =>
    Math.sin((2 * Math.PI * 1000 * i) / RATE_HZ),
  );
  const appended = await fetch(new URL('api/sessions/append', hub.url), {
    method: 'POST',
    headers: {
      'Content-Type': BINARY_CONTENT_TYPE,
      [ARGS_HEADER]: encodeArgsHeader([sessionId]),
      Cookie: cookies[who],
    },
    body: new Uint8Array(samples.buffer),
  });
  expect(appended.status, await appended.clone().text()).toBe(200);
  return (await result<SessionResult>(who, 'sessions.stop', [sessionId])).recording;
}

describe('microphone calibrations on a hub', () => {
  it("are each person's own: another's file is neither read, used, replaced nor removed", async () => {
    const stored = await result<StoredCalibration>('north', 'settings.setMicCalibration', [
      DEVICE,
      'umik-7000000.txt',
      UMIK,
      null,
    ]);
    expect(stored.sensitivityDbfs).toBe(-18.8);
    expect(await result('north', 'settings.micCalibration', [DEVICE])).toEqual(stored);
    // The South technician's microphone of the same model is not calibrated by North's file.
    expect(await result('south', 'settings.micCalibration', [DEVICE])).toBeNull();
    const machine = await result<MachineDetail>('south', 'machines.create', [
      { id: `press-${randomUUID()}`, lineFrequencyHz: 50 },
    ]);
    const southRecording = await recordThrough('south', machine.id);
    expect(southRecording.calibration).toBeUndefined();
    // Removing "their" device's calibration leaves North's as it was.
    await result('south', 'settings.removeMicCalibration', [DEVICE]);
    expect(await result('north', 'settings.micCalibration', [DEVICE])).toEqual(stored);
    const northMachine = await result<MachineDetail>('north', 'machines.create', [
      { id: `lathe-${randomUUID()}`, lineFrequencyHz: 50 },
    ]);
    const northRecording = await recordThrough('north', northMachine.id);
    expect(northRecording.calibration).toEqual(stored);
  });

  it("lists only one's own devices, and gives a recording one's own device's calibration", async () => {
    const stored = await result<StoredCalibration>('north', 'settings.setMicCalibration', [
      DEVICE,
      'umik-7000001.txt',
      UMIK,
      -20,
    ]);
    expect(await result<DeviceCalibration[]>('north', 'settings.micCalibrations', [])).toEqual([
      { deviceName: DEVICE, calibration: stored },
    ]);
    expect(await result<DeviceCalibration[]>('south', 'settings.micCalibrations', [])).toEqual([]);
    const machine = await result<MachineDetail>('south', 'machines.create', [
      { id: `mill-${randomUUID()}`, lineFrequencyHz: 50 },
    ]);
    const recording = await recordThrough('south', machine.id);
    // South's device of that name has no calibration: North's is not taken for it.
    const refused = await fetch(new URL('api/recordings/setCalibration', hub.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookies.south },
      body: JSON.stringify({ args: [recording.id, { deviceName: DEVICE }] }),
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('no-device-calibration');
    await result('south', 'settings.setMicCalibration', [DEVICE, 'south.txt', UMIK, -25]);
    const given = await result<RecordingSummary>('south', 'recordings.setCalibration', [
      recording.id,
      { deviceName: DEVICE },
    ]);
    expect(given.calibration?.sensitivityDbfs).toBe(-25);
  });
});
