/**
 * Microphone calibrations through dispatch, on a library with the demo machine and its baseline:
 * importing a file for an input device, its refusals, and a live recording that keeps a copy and
 * is reviewed in dB SPL against the same comparison as without calibration; without one, Review's
 * levels are the recording's own dBFS/Hz, as labelled.
 */
import { describe, expect, it } from 'vitest';
import type {
  MachineSummary,
  RecordingSummary,
  SelectionAnalysis,
} from '../../../shared/api/contract.ts';
import type { StoredCalibration } from '../../../shared/audio/calibration/storedCalibration.ts';
import { expectClose } from '../../helpers/tolerance.ts';
import { openDemoApi, openForTheseTests, rejection } from './apiFixtures.ts';
import type { ApiFixture } from './apiFixtures.ts';
import { DEVICE, recordDemo, UMIK } from './calibratedRecording.ts';

let api: ApiFixture;
let demo: MachineSummary;

openForTheseTests(openDemoApi, (opened) => ({ api, demo } = opened));

const record = (deviceName?: string) => recordDemo(api, demo.id, deviceName);

describe('settings.setMicCalibration', () => {
  it('keeps a device’s file with the sensitivity its Sens Factor gives', async () => {
    expect(await api.call('settings.micCalibration', DEVICE)).toBeNull();
    const stored = (await api.call(
      'settings.setMicCalibration',
      DEVICE,
      'umik-7000000.txt',
      UMIK,
      null,
    )) as StoredCalibration;
    expect(stored).toEqual({
      fileName: 'umik-7000000.txt',
      sensitivityDbfs: -18.8,
      frequenciesHz: [10, 20000],
      responseDb: [0, 0],
    });
    expect(await api.call('settings.micCalibration', DEVICE)).toEqual(stored);
    expect(await api.call('settings.micCalibration', 'Built-in microphone')).toBeNull();
  });

  it('refuses a malformed file with its problem and line, and keeps the earlier one', async () => {
    const error = await rejection(
      api.call('settings.setMicCalibration', DEVICE, 'bad.txt', '* x\n20 0\n10 0\n', null),
    );
    expect(error.code).toBe('invalid-argument');
    expect(error.reason).toBe('invalid-calibration');
    expect(error.params).toEqual({ problem: 'frequency-not-increasing', line: 3 });
    const missing = await rejection(
      api.call('settings.setMicCalibration', DEVICE, 'flat.txt', '20 0\n', null),
    );
    expect(missing.params).toEqual({ problem: 'no-sensitivity', line: 0 });
    const kept = (await api.call('settings.micCalibration', DEVICE)) as StoredCalibration;
    expect(kept.fileName).toBe('umik-7000000.txt');
  });

  it.each([
    ['an empty device name', ['', 'a.txt', UMIK, null]],
    ['a sensitivity that is no number', [DEVICE, 'a.txt', UMIK, 'loud']],
    ['text that is no string', [DEVICE, 'a.txt', 42, null]],
  ])('refuses %s', async (_name, args) => {
    const error = await rejection(api.call('settings.setMicCalibration', ...args));
    expect(error.code).toBe('invalid-argument');
  });
});

describe('a recording through a calibrated device', () => {
  it('keeps a copy of the calibration, which replacing the device’s changes not', async () => {
    const calibrated = await record(DEVICE);
    const plain = await record();
    expect(calibrated.calibration?.sensitivityDbfs).toBe(-18.8);
    expect(plain).not.toHaveProperty('calibration');
    await api.call('settings.setMicCalibration', DEVICE, 'new.txt', '20 1\n20000 1\n', -30);
    await api.call('settings.removeMicCalibration', 'Nobody’s microphone');
    const listed = (await api.call('recordings.list', demo.id)) as RecordingSummary[];
    const again = listed.find((r) => r.id === calibrated.id);
    expect(again?.calibration?.fileName).toBe('umik-7000000.txt');
    await api.call('settings.removeMicCalibration', DEVICE);
    expect(await api.call('settings.micCalibration', DEVICE)).toBeNull();
  }, 60_000);

  it('is reviewed in dB SPL with the same excess over the normal band as in dBFS', async () => {
    const calibrated = await record(DEVICE);
    expect(calibrated.calibration).toBeUndefined(); // the device's file was removed above
    await api.call('settings.setMicCalibration', DEVICE, 'umik.txt', UMIK, null);
    const withCalibration = await record(DEVICE);
    const plain = await record();
    const spl = (await api.call('review.selection', withCalibration.id, 0, 3)) as SelectionAnalysis;
    const fs = (await api.call('review.selection', plain.id, 0, 3)) as SelectionAnalysis;
    expect(spl.levelUnit).toBe('dB SPL');
    expect(fs.levelUnit).toBe('dBFS');
    // Same sound: the same report and anomalies; the curves moved together.
    expect({ ...spl.report, file: '' }).toEqual({ ...fs.report, file: '' });
    expect(spl.anomalies).toEqual(fs.anomalies);
    const gapDb = (a: SelectionAnalysis, i: number) =>
      a.spectrum.levelsDb[i] - (a.baseline?.medianDb[i] ?? NaN);
    const i = Math.floor(spl.spectrum.levelsDb.length / 3);
    expect(spl.spectrum.frequenciesHz).toEqual(fs.spectrum.frequenciesHz);
    expectClose(gapDb(spl, i), gapDb(fs, i), 0.02);
    // Absolute: far above the dBFS scale of a signal below full scale (+112.8 dB, less the
    // normalisation the dBFS view carries).
    expect(Math.max(...spl.spectrum.levelsDb)).toBeGreaterThan(
      Math.max(...fs.spectrum.levelsDb) + 60,
    );
  }, 90_000);
});

describe('review.selection without a calibration', () => {
  // The page, the CSV header and the printed report label these levels dBFS/Hz: they must be the
  // recording's own, not lowered onto the baseline's scale by the gain the comparison matched.
  it('gives the recording’s own dBFS/Hz, the baseline’s band moved to it', async () => {
    const review = async (scale: number) => {
      const recording = await recordDemo(api, demo.id, undefined, scale);
      return (await api.call('review.selection', recording.id, 0, 3)) as SelectionAnalysis;
    };
    const loud = await review(1);
    const quiet = await review(0.1);
    expect([loud.levelUnit, quiet.levelUnit]).toEqual(['dBFS', 'dBFS']);
    const peakDb = (levelsDb: readonly number[] = []) => Math.max(...levelsDb);
    // A tenth of the amplitude is 20 dB less power at every frequency, the band moved along.
    expectClose(peakDb(loud.spectrum.levelsDb) - peakDb(quiet.spectrum.levelsDb), 20, 0.1);
    expectClose(peakDb(loud.baseline?.medianDb) - peakDb(quiet.baseline?.medianDb), 20, 0.1);
    // What stands above the band is what the comparison found: the same for both.
    expect(quiet.anomalies).toEqual(loud.anomalies);
    const i = Math.floor(loud.spectrum.levelsDb.length / 3);
    const gapDb = (a: SelectionAnalysis) =>
      a.spectrum.levelsDb[i] - (a.baseline?.medianDb[i] ?? NaN);
    expectClose(gapDb(quiet), gapDb(loud), 0.05);
  }, 90_000);
});
