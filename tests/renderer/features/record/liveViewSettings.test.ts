import { describe, expect, it } from 'vitest';
import { readStored, writeStored } from '../../../../renderer/app/storedSetting.ts';
import {
  DEFAULT_LIVE_VIEW,
  fixedLevels,
  LIVE_VIEW_STORAGE_KEY,
  liveViewAxis,
  parseLiveView,
  withFixedLevels,
} from '../../../../renderer/features/record/liveViewSettings.ts';

describe('live view settings', () => {
  it('come back as they were saved', () => {
    const stored = new Map<string, string>();
    const storage = {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => void stored.set(key, value),
    };
    const settings = {
      scale: 'linear' as const,
      minHz: 10,
      maxHz: 2000,
      averagingSeconds: 3,
      peakHold: true,
      levelsByUnit: {
        'dBFS/Hz': { minDb: -120, maxDb: -20 },
        'dB SPL/Hz': { minDb: -10, maxDb: 70 },
      },
    };
    writeStored(storage, LIVE_VIEW_STORAGE_KEY, settings);
    expect(readStored(storage, LIVE_VIEW_STORAGE_KEY, parseLiveView)).toEqual(settings);
  });

  it('take the defaults for what is missing or malformed', () => {
    expect(parseLiveView(null)).toEqual(DEFAULT_LIVE_VIEW);
    expect(parseLiveView('{not json')).toEqual(DEFAULT_LIVE_VIEW);
    expect(
      parseLiveView('{"scale":"cubic","averagingSeconds":7,"levels":{"minDb":0,"maxDb":-10}}'),
    ).toEqual(DEFAULT_LIVE_VIEW);
    expect(
      parseLiveView('{"levelsByUnit":{"dB SPL/Hz":{"minDb":5,"maxDb":5},"volts":{"minDb":0}}}'),
    ).toEqual(DEFAULT_LIVE_VIEW);
  });

  it('keep a fixed level range per unit: a calibration does not show a dBFS range in dB SPL', () => {
    const fixedFs = withFixedLevels(DEFAULT_LIVE_VIEW, 'dBFS/Hz', { minDb: -140, maxDb: -40 });
    expect(fixedLevels(fixedFs, 'dBFS/Hz')).toEqual({ minDb: -140, maxDb: -40 });
    // Calibrated: the chart follows the levels until a range is fixed in dB SPL/Hz.
    expect(fixedLevels(fixedFs, 'dB SPL/Hz')).toBeNull();
    const both = withFixedLevels(fixedFs, 'dB SPL/Hz', { minDb: -20, maxDb: 80 });
    expect(fixedLevels(both, 'dB SPL/Hz')).toEqual({ minDb: -20, maxDb: 80 });
    // Back to the uncalibrated microphone: its own range again.
    expect(fixedLevels(both, 'dBFS/Hz')).toEqual({ minDb: -140, maxDb: -40 });
    expect(fixedLevels(withFixedLevels(both, 'dBFS/Hz', null), 'dBFS/Hz')).toBeNull();
    expect(fixedLevels(withFixedLevels(both, 'dBFS/Hz', null), 'dB SPL/Hz')).not.toBeNull();
  });

  it('read a range saved before ranges had units as dBFS/Hz', () => {
    const old = parseLiveView('{"levels":{"minDb":-130,"maxDb":-30}}');
    expect(fixedLevels(old, 'dBFS/Hz')).toEqual({ minDb: -130, maxDb: -30 });
    expect(fixedLevels(old, 'dB SPL/Hz')).toBeNull();
  });

  it('give an axis inside what the chart can show', () => {
    const base = { ...DEFAULT_LIVE_VIEW };
    expect(liveViewAxis(base, 48_000)).toEqual({ scale: 'log', minHz: 5, maxHz: 21_600 });
    expect(liveViewAxis({ ...base, minHz: 1, maxHz: 1000 }, 48_000)).toEqual({
      scale: 'log',
      minHz: 5,
      maxHz: 1000,
    });
    expect(liveViewAxis({ ...base, scale: 'linear', maxHz: 99_999 }, 48_000).maxHz).toBe(21_600);
    // An empty or reversed range shows the whole band.
    expect(liveViewAxis({ ...base, minHz: 500, maxHz: 400 }, 48_000)).toEqual({
      scale: 'log',
      minHz: 5,
      maxHz: 21_600,
    });
  });
});
