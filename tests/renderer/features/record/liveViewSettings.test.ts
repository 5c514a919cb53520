import { describe, expect, it } from 'vitest';
import { readStored, writeStored } from '../../../../renderer/app/storedSetting.ts';
import {
  DEFAULT_LIVE_VIEW,
  LIVE_VIEW_STORAGE_KEY,
  liveViewAxis,
  parseLiveView,
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
      levels: { minDb: -120, maxDb: -20 },
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
