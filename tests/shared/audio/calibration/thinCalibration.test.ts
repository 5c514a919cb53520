/**
 * A calibration thinned to travel in a live call's signalling message: the same dB SPL within
 * a few hundredths of a dB at every frequency, small enough for the hub's message limit, and a
 * message carrying one that is not a calibration refused.
 */
import { describe, expect, it } from 'vitest';
import { splOffsetDb } from '../../../../shared/audio/calibration/micCalibration.ts';
import { MAX_CALIBRATION_LINES } from '../../../../shared/audio/calibration/calibrationFile.ts';
import {
  LIVE_CALIBRATION_POINTS,
  thinCalibration,
} from '../../../../shared/audio/calibration/thinCalibration.ts';
import { toMicCalibration } from '../../../../shared/audio/calibration/storedCalibration.ts';
import type { StoredCalibration } from '../../../../shared/audio/calibration/storedCalibration.ts';
import { MAX_LIVE_MESSAGE_BYTES, parseClientMessage } from '../../../../shared/live/protocol.ts';

/** Log-spaced points from 10 Hz to 24 kHz. */
function logGrid(count: number): number[] {
  return Array.from({ length: count }, (_, i) => 10 * 2400 ** (i / (count - 1)));
}

/** A measurement microphone's shape: a low roll-off, a presence bump near 8 kHz, a high fall. */
function umikLike(count: number): StoredCalibration {
  const frequenciesHz = logGrid(count);
  return {
    fileName: 'umik-7000000.txt',
    sensitivityDbfs: -18.8,
    frequenciesHz,
    responseDb: frequenciesHz.map(
      (f) =>
        -6 * Math.exp(-f / 25) +
        2 * Math.exp(-((Math.log10(f / 8000) / 0.15) ** 2)) -
        3 * (f / 24000) ** 2,
    ),
  };
}

const openMessage = (calibration: unknown) =>
  JSON.stringify({ type: 'open', machineId: 'lathe', calibration });

describe('thinCalibration', () => {
  it('keeps a maker’s 613-point file to within 0.03 dB SPL at every frequency', () => {
    const full = umikLike(613);
    const thin = thinCalibration(full);
    expect(thin.frequenciesHz.length).toBeLessThanOrEqual(LIVE_CALIBRATION_POINTS);
    expect(thin.frequenciesHz).toContain(1000);
    expect(thin.fileName).toBe(full.fileName);
    expect(thin.sensitivityDbfs).toBe(full.sensitivityDbfs);
    expect(thin.frequenciesHz[0]).toBeCloseTo(10, 6);
    expect(thin.frequenciesHz.at(-1)).toBeCloseTo(24000, 6);
    let worstDb = 0;
    for (const f of logGrid(2000)) {
      const differenceDb = Math.abs(
        splOffsetDb(toMicCalibration(thin), f) - splOffsetDb(toMicCalibration(full), f),
      );
      worstDb = Math.max(worstDb, differenceDb);
    }
    expect(worstDb).toBeLessThan(0.03);
  });

  it('leaves a short file as it is', () => {
    const short = umikLike(40);
    expect(thinCalibration(short)).toEqual(short);
  });

  it('fits the largest file a user may import into one signalling message', () => {
    const largest = umikLike(MAX_CALIBRATION_LINES);
    const text = openMessage(thinCalibration({ ...largest, fileName: 'x'.repeat(255) }));
    expect(new TextEncoder().encode(text).length).toBeLessThan(MAX_LIVE_MESSAGE_BYTES / 2);
    expect(parseClientMessage(text)).toMatchObject({ type: 'open', machineId: 'lathe' });
  });
});

describe('an open message with a calibration', () => {
  const thin = thinCalibration(umikLike(613));

  it('is taken with it, and without one', () => {
    expect(parseClientMessage(openMessage(thin))).toEqual({
      type: 'open',
      machineId: 'lathe',
      calibration: thin,
    });
    expect(parseClientMessage(JSON.stringify({ type: 'open', machineId: 'lathe' }))).toEqual({
      type: 'open',
      machineId: 'lathe',
    });
  });

  it.each([
    ['more points than a live call carries', umikLike(LIVE_CALIBRATION_POINTS + 1)],
    ['frequencies that fall', { ...thin, frequenciesHz: [...thin.frequenciesHz].reverse() }],
    ['a sensitivity beyond any input', { ...thin, sensitivityDbfs: 400 }],
    ['a sensitivity that is text', { ...thin, sensitivityDbfs: '-18' }],
    ['responses that do not pair up', { ...thin, responseDb: thin.responseDb.slice(1) }],
    ['null', null],
    ['a string', 'umik.txt'],
  ])('is refused with %s', (_name, calibration) => {
    expect(parseClientMessage(openMessage(calibration))).toBeNull();
  });
});
