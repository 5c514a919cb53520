/**
 * A calibration given to an imported recording afterwards (recordings.setCalibration): a real
 * recording by others (CWRU outer race, ../shared/data) imported as a file, then calibrated from
 * a file or from an input device's calibration, reviewed in dB SPL with the same verdict, its
 * refusals, and its new version queued for the hub.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  DeviceCalibration,
  MachineDetail,
  RecordingSummary,
  SelectionAnalysis,
  StoredDiagnosis,
} from '../../../shared/api/contract.ts';
import { readSyncRow } from '../../../node/sync/localRows.ts';
import { expectClose } from '../../helpers/tolerance.ts';
import { openApiFixture, rejection } from './apiFixtures.ts';
import type { ApiFixture } from './apiFixtures.ts';
import { DEVICE, UMIK } from './calibratedRecording.ts';

const cwru = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/data/cwru');
const RECORD = 'outer-race-007-0hp-130';

/** Flat to 1 kHz, rising to +6 dB at 4 kHz; 94 dB SPL at 1 kHz reads −30 dBFS. */
const RISING = '* a measurement microphone\n20 0\n1000 0\n4000 6\n';
const RISING_SENSITIVITY_DBFS = -30;

/** What the RISING file adds to a level in dBFS at frequencyHz (micCalibration.ts's formula). */
function risingOffsetDb(frequencyHz: number): number {
  const f = Math.min(Math.max(frequencyHz, 1000), 4000);
  const responseDb = (6 * Math.log(f / 1000)) / Math.log(4);
  return 94 - RISING_SENSITIVITY_DBFS - responseDb;
}

let api: ApiFixture;
let machine: MachineDetail;
let recording: RecordingSummary;
let plain: SelectionAnalysis;

const selection = async () =>
  (await api.call(
    'review.selection',
    recording.id,
    0,
    recording.durationSeconds,
  )) as SelectionAnalysis;

beforeAll(async () => {
  api = await openApiFixture();
  const meta = JSON.parse(readFileSync(resolve(cwru, `${RECORD}.json`), 'utf8')) as {
    profile: unknown;
  };
  machine = (await api.call('machines.create', meta.profile)) as MachineDetail;
  const bytes = new Uint8Array(readFileSync(resolve(cwru, `${RECORD}.wav`)));
  recording = await api.importWav(machine.id, `${RECORD}.wav`, bytes);
  plain = await selection();
}, 60_000);

afterAll(async () => {
  await api.close();
});

describe('recordings.setCalibration', () => {
  it('starts uncalibrated, in dBFS', () => {
    expect(recording).not.toHaveProperty('calibration');
    expect(plain.levelUnit).toBe('dBFS');
    expect(plain.report.causes[0]?.id).toBe('bearing-outer-race');
  });

  it('calibrates from a file: levels in dB SPL by the file, the same verdict', async () => {
    const calibrated = (await api.call('recordings.setCalibration', recording.id, {
      fileName: 'measurement-mic.txt',
      text: RISING,
      sensitivityDbfs: RISING_SENSITIVITY_DBFS,
    })) as RecordingSummary;
    expect(calibrated.calibration).toEqual({
      fileName: 'measurement-mic.txt',
      sensitivityDbfs: -30,
      frequenciesHz: [20, 1000, 4000],
      responseDb: [0, 0, 6],
    });
    const listed = (await api.call('recordings.list', machine.id)) as RecordingSummary[];
    expect(listed[0]).toEqual(calibrated);
    const spl = await selection();
    expect(spl.levelUnit).toBe('dB SPL');
    expect({ ...spl.report, file: '' }).toEqual({ ...plain.report, file: '' });
    expect(spl.anomalies).toEqual(plain.anomalies);
    expect(spl.spectrum.frequenciesHz).toEqual(plain.spectrum.frequenciesHz);
    // No baseline: the dBFS view is the recording's own level, so each bin moves by the file's
    // offset at its frequency (both views rounded to 0.01 dB).
    for (const i of [10, 200, 700, spl.spectrum.levelsDb.length - 1]) {
      const frequencyHz = spl.spectrum.frequenciesHz[i];
      const shiftDb = spl.spectrum.levelsDb[i] - plain.spectrum.levelsDb[i];
      expectClose(shiftDb, risingOffsetDb(frequencyHz), 0.011);
    }
    const diagnosis = (await api.call('diagnoses.run', recording.id)) as StoredDiagnosis;
    expect(diagnosis.report.causes.map((c) => c.id)).toEqual(plain.report.causes.map((c) => c.id));
  }, 60_000);

  it('refuses a malformed file with its problem and line, and keeps the calibration it had', async () => {
    const error = await rejection(
      api.call('recordings.setCalibration', recording.id, {
        fileName: 'bad.txt',
        text: '20 0\n1000 0,5\n',
        sensitivityDbfs: -30,
      }),
    );
    expect(error.reason).toBe('invalid-calibration');
    expect(error.params).toEqual({ problem: 'not-a-number', line: 2 });
    const noSensitivity = await rejection(
      api.call('recordings.setCalibration', recording.id, {
        fileName: 'flat.txt',
        text: '20 0\n20000 0\n',
        sensitivityDbfs: null,
      }),
    );
    expect(noSensitivity.params).toEqual({ problem: 'no-sensitivity', line: 0 });
    const [kept] = (await api.call('recordings.list', machine.id)) as RecordingSummary[];
    expect(kept.calibration?.fileName).toBe('measurement-mic.txt');
  });

  it.each([
    ['an unknown recording', ['nope', null], 'not-found'],
    [
      'a source with both kinds of field',
      ['R', { deviceName: 'a', text: 'x' }],
      'invalid-argument',
    ],
    ['a source that is a string', ['R', 'umik.txt'], 'invalid-argument'],
    [
      'a sensitivity that is not finite',
      ['R', { fileName: 'a', text: UMIK, sensitivityDbfs: Infinity }],
      'invalid-argument',
    ],
  ])('refuses %s', async (_name, [id, source], code) => {
    const recordingId = id === 'R' ? recording.id : id;
    const error = await rejection(api.call('recordings.setCalibration', recordingId, source));
    expect(error.code).toBe(code);
  });

  it('copies an input device’s calibration, which later changes of the device’s leave alone', async () => {
    const missing = await rejection(
      api.call('recordings.setCalibration', recording.id, { deviceName: DEVICE }),
    );
    expect(missing.params).toEqual({ problem: 'no-device-calibration', line: 0 });
    await api.call('settings.setMicCalibration', DEVICE, 'umik-7000000.txt', UMIK, null);
    await api.call('settings.setMicCalibration', 'Phone headset', 'headset.txt', RISING, -40);
    const devices = (await api.call('settings.micCalibrations')) as DeviceCalibration[];
    expect(devices.map((d) => [d.deviceName, d.calibration.fileName])).toEqual([
      ['Phone headset', 'headset.txt'],
      [DEVICE, 'umik-7000000.txt'],
    ]);
    const calibrated = (await api.call('recordings.setCalibration', recording.id, {
      deviceName: DEVICE,
    })) as RecordingSummary;
    expect(calibrated.calibration?.sensitivityDbfs).toBe(-18.8);
    await api.call('settings.removeMicCalibration', DEVICE);
    expect(
      ((await api.call('settings.micCalibrations')) as DeviceCalibration[]).map(
        (d) => d.deviceName,
      ),
    ).toEqual(['Phone headset']);
    const [kept] = (await api.call('recordings.list', machine.id)) as RecordingSummary[];
    expect(kept.calibration?.fileName).toBe('umik-7000000.txt');
    // Flat UMIK: every bin 94 + 18.8 dB above its dBFS level.
    const spl = await selection();
    expectClose(spl.spectrum.levelsDb[300] - plain.spectrum.levelsDb[300], 112.8, 0.011);
  }, 60_000);

  it('takes the calibration away: dBFS again, the same figures as before', async () => {
    const removed = (await api.call(
      'recordings.setCalibration',
      recording.id,
      null,
    )) as RecordingSummary;
    expect(removed).toEqual(recording);
    const again = await selection();
    expect(again.levelUnit).toBe('dBFS');
    expect(again.spectrum).toEqual(plain.spectrum);
  }, 60_000);

  it('queues each change for the hub: the row goes up with its new version and calibration', async () => {
    const db = api.library.store.db;
    const queued = () =>
      db
        .prepare("SELECT changes FROM sync_outbox WHERE table_name = 'recordings' AND row_id = ?")
        .get(recording.id)?.changes;
    const before = Number(queued());
    await api.call('recordings.setCalibration', recording.id, {
      fileName: 'measurement-mic.txt',
      text: RISING,
      sensitivityDbfs: RISING_SENSITIVITY_DBFS,
    });
    expect(Number(queued())).toBe(before + 1);
    const row = readSyncRow(db, 'recordings', recording.id);
    expect(row?.version).toBeGreaterThan(1);
    expect(row?.columns.mic_calibration).toMatchObject({ fileName: 'measurement-mic.txt' });
  });
});
