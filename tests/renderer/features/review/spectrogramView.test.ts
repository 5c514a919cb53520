import { describe, expect, it } from 'vitest';
import { readStored, writeStored } from '../../../../renderer/app/storedSetting.ts';
import {
  parseSpectrogramView,
  SPECTROGRAM_VIEW_KEY,
  spectrogramAxis,
} from '../../../../renderer/features/review/spectrogramView.ts';

describe('the spectrogram view on Review', () => {
  it('is remembered, and malformed storage gives the log axis over the whole band', () => {
    const stored = new Map<string, string>();
    const storage = {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => void stored.set(key, value),
    };
    const load = () => readStored(storage, SPECTROGRAM_VIEW_KEY, parseSpectrogramView);
    expect(load()).toEqual({ scale: 'log', minHz: null, maxHz: null });
    writeStored(storage, SPECTROGRAM_VIEW_KEY, { scale: 'linear', minHz: 20, maxHz: 1000 });
    expect(load()).toEqual({ scale: 'linear', minHz: 20, maxHz: 1000 });
    stored.set('auscult.spectrogramView', '{oops');
    expect(load().scale).toBe('log');
  });

  it('keeps the range inside what the spectrogram holds', () => {
    expect(spectrogramAxis({ scale: 'log', minHz: 1, maxHz: 1e6 }, 8000)).toEqual({
      scale: 'log',
      minHz: 5,
      maxHz: 8000,
    });
    expect(spectrogramAxis({ scale: 'linear', minHz: 900, maxHz: 100 }, 8000)).toEqual({
      scale: 'linear',
      minHz: 0,
      maxHz: 8000,
    });
  });
});
