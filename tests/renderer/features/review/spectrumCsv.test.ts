import { describe, expect, it } from 'vitest';
import {
  spectrumCsv,
  spectrumCsvHeader,
} from '../../../../renderer/features/review/spectrumCsv.ts';

const table = {
  frequenciesHz: [1.5, 100, 20000.12346],
  levelsDb: [-40.123, -35, -120.5],
  medianDb: [-42, null, -121],
  lowerDb: [-45.5, null, -125],
  upperDb: [-38.25, null, -118],
};

describe('spectrumCsv', () => {
  const lines = spectrumCsv(table).split('\r\n');

  it('starts with a header row naming each column with its unit: dBFS/Hz by default', () => {
    expect(lines[0]).toBe(
      'frequency (Hz),level (dBFS/Hz),baseline median (dBFS/Hz),baseline lower (dBFS/Hz),baseline upper (dBFS/Hz)',
    );
    const header = spectrumCsvHeader('dB SPL');
    expect(header.every((name) => /\((Hz|dB SPL\/Hz)\)$/.test(name))).toBe(true);
  });

  it('names dB SPL/Hz for a calibrated recording', () => {
    expect(spectrumCsv(table, 'dB SPL').split('\r\n')[0]).toBe(
      'frequency (Hz),level (dB SPL/Hz),baseline median (dB SPL/Hz),baseline lower (dB SPL/Hz),baseline upper (dB SPL/Hz)',
    );
  });

  it('writes one row per frequency, numbers as plain decimals, ending with a line break', () => {
    expect(lines).toHaveLength(1 + 3 + 1);
    expect(lines[1]).toBe('1.5,-40.12,-42,-45.5,-38.25');
    expect(lines[3]).toBe('20000.1235,-120.5,-121,-125,-118');
    expect(lines[4]).toBe('');
  });

  it('leaves a baseline cell empty where the baseline has no value', () => {
    expect(lines[2]).toBe('100,-35,,,');
  });

  it('has no cell that starts a formula, except negative numbers', () => {
    const cells = lines.slice(1, -1).flatMap((line) => line.split(','));
    const risky = cells.filter((cell) => /^[=+\-@]/.test(cell) && !Number.isFinite(Number(cell)));
    expect(risky).toEqual([]);
  });
});
