import { describe, expect, it } from 'vitest';
import {
  cellBins,
  SPECTROGRAM_CELLS,
  SpectrogramCells,
} from '../../../../renderer/features/record/spectrogramCells.ts';
import { frequencyPosition, liveFrequencyAxis } from '../../../../renderer/chart/frequencyAxis.ts';

const RATE = 8000;

function sine(frequencyHz: number, samples: number): Float32Array {
  return Float32Array.from(
    { length: samples },
    (_, i) => 0.5 * Math.sin((2 * Math.PI * frequencyHz * i) / RATE),
  );
}

describe('cellBins', () => {
  it('covers the bins of a linear axis in order, without gaps', () => {
    const bins = cellBins(liveFrequencyAxis('linear', RATE), 10, 401, 36);
    expect(bins[0]).toBe(0);
    for (let c = 1; c < 36; c++) {
      expect(bins[2 * c]).toBe(bins[2 * c - 1] + 1);
      expect(bins[2 * c + 1]).toBeGreaterThanOrEqual(bins[2 * c]);
    }
    expect(bins[2 * 35 + 1]).toBe(359);
  });

  it('gives cells narrower than a bin (low on a log axis) the bin nearest their centre', () => {
    const bins = cellBins(liveFrequencyAxis('log', RATE), 10, 401, 64);
    expect(bins[0]).toBe(bins[1]);
    expect(bins[0]).toBe(1);
    for (let c = 1; c < 64; c++) expect(bins[2 * c]).toBeGreaterThanOrEqual(bins[2 * c - 2]);
  });
});

describe('SpectrogramCells', () => {
  it.each(['log', 'linear'] as const)('lights the cell of a 1 kHz sine on a %s axis', (scale) => {
    const cells = new SpectrogramCells(RATE, liveFrequencyAxis(scale, RATE));
    cells.push(sine(1000, 4096));
    const rows = cells.take();
    expect(rows?.cells).toBe(SPECTROGRAM_CELLS);
    const levels = rows?.levels ?? new Uint8Array(0);
    const last = levels.subarray(levels.length - SPECTROGRAM_CELLS);
    const expected = Math.floor(
      frequencyPosition(1000, liveFrequencyAxis(scale, RATE)) * SPECTROGRAM_CELLS,
    );
    const loudest = last.indexOf(Math.max(...last));
    expect(Math.abs(loudest - expected)).toBeLessThanOrEqual(1);
    expect(last[loudest]).toBe(255);
    expect(last[Math.floor(SPECTROGRAM_CELLS * 0.9)]).toBeLessThan(64);
  });

  it('makes one line per half segment, and hands each line over once', () => {
    const cells = new SpectrogramCells(RATE, liveFrequencyAxis('linear', RATE));
    expect(cells.linesPerSecond).toBe(RATE / 512);
    cells.push(sine(500, 1024 + 3 * 512));
    expect((cells.take()?.levels.length ?? 0) / SPECTROGRAM_CELLS).toBe(4);
    expect(cells.take()).toBeNull();
  });

  it('drops the lines not taken yet when the axis changes', () => {
    const cells = new SpectrogramCells(RATE, liveFrequencyAxis('log', RATE));
    cells.push(sine(500, 2048));
    cells.setAxis(liveFrequencyAxis('linear', RATE));
    expect(cells.take()).toBeNull();
  });
});
