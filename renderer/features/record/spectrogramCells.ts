/**
 * The live spectrogram as a waterfall draws it: each frame of a streaming spectrogram
 * (shared/dsp/stft.ts) resampled to cells evenly spaced on the chart's frequency axis (log or
 * linear), and turned into bytes on a scale that follows the loudest recent level.
 */
import { SpectrogramStream } from '../../../shared/dsp/stft.ts';
import { nextPowerOfTwo } from '../../../shared/dsp/fft.ts';
import { axisBinRanges } from '../../chart/frequencyAxis.ts';
import type { FrequencyAxis } from '../../chart/frequencyAxis.ts';
import type { SpectrogramRows } from '../../chart/colormap.ts';

/** Cells across the axis: finer than a spectrogram frame resolves at high frequencies. */
export const SPECTROGRAM_CELLS = 512;
/** Frames of ~85 ms (4096 samples at 48 kHz, 11.7 Hz bins), half overlapping: ~23 lines/s. */
export const SPECTROGRAM_SEGMENT_SECONDS = 0.085;
/** The colour scale spans this many dB below its top. */
export const SPECTROGRAM_RANGE_DB = 80;
/** The top follows a louder frame at once and falls by this much per frame (≈ 4.6 dB/s). */
export const SPECTROGRAM_DECAY_DB = 0.2;
/** Lines held for the page between two frames at most (older ones are dropped). */
const MAX_PENDING_ROWS = 64;

/**
 * For each of `cells` cells evenly spaced on the axis, the first and last FFT bin it covers
 * ([first, last] pairs); a cell narrower than a bin takes the bin nearest its centre.
 */
export function cellBins(
  axis: FrequencyAxis,
  binWidthHz: number,
  binCount: number,
  cells = SPECTROGRAM_CELLS,
): Int32Array {
  return axisBinRanges(axis, cells, binWidthHz, binCount, 'points');
}

/** Streams frames into waterfall lines of SPECTROGRAM_CELLS bytes. */
export class SpectrogramCells {
  readonly linesPerSecond: number;
  private readonly stream: SpectrogramStream;
  private readonly sampleRateHz: number;
  private bins: Int32Array;
  private topDb = -Infinity;
  private pending: Uint8Array[] = [];

  constructor(sampleRateHz: number, axis: FrequencyAxis) {
    const segmentLength = nextPowerOfTwo(Math.ceil(SPECTROGRAM_SEGMENT_SECONDS * sampleRateHz));
    this.stream = new SpectrogramStream(sampleRateHz, {
      segmentLength,
      hopSamples: segmentLength / 2,
      output: 'db',
    });
    this.sampleRateHz = sampleRateHz;
    this.linesPerSecond = sampleRateHz / (segmentLength / 2);
    this.bins = this.binsFor(axis);
  }

  /** A new axis: lines from now on follow it; lines not yet taken are dropped. */
  setAxis(axis: FrequencyAxis): void {
    this.bins = this.binsFor(axis);
    this.pending = [];
  }

  push(block: Float32Array): void {
    const chunk = this.stream.push(block);
    for (let j = 0; j < chunk.frameCount; j++) {
      const frame = chunk.values.subarray(j * chunk.binCount, (j + 1) * chunk.binCount);
      this.pending.push(this.line(frame));
    }
    if (this.pending.length > MAX_PENDING_ROWS) {
      this.pending = this.pending.slice(-MAX_PENDING_ROWS);
    }
  }

  /** The lines since the last take, oldest first, or null when none came. */
  take(): SpectrogramRows | null {
    if (this.pending.length === 0) return null;
    const levels = new Uint8Array(this.pending.length * SPECTROGRAM_CELLS);
    this.pending.forEach((line, i) => levels.set(line, i * SPECTROGRAM_CELLS));
    this.pending = [];
    return { cells: SPECTROGRAM_CELLS, levels };
  }

  private binsFor(axis: FrequencyAxis): Int32Array {
    const binWidthHz = this.sampleRateHz / this.stream.settings.fftLength;
    return cellBins(axis, binWidthHz, this.stream.binCount);
  }

  private line(frameDb: Float32Array): Uint8Array {
    const cellsDb = new Float32Array(SPECTROGRAM_CELLS);
    let loudest = -Infinity;
    for (let c = 0; c < SPECTROGRAM_CELLS; c++) {
      let db = -Infinity;
      for (let k = this.bins[2 * c]; k <= this.bins[2 * c + 1]; k++) db = Math.max(db, frameDb[k]);
      cellsDb[c] = db;
      loudest = Math.max(loudest, db);
    }
    this.topDb = Math.max(loudest, this.topDb - SPECTROGRAM_DECAY_DB);
    const bottomDb = this.topDb - SPECTROGRAM_RANGE_DB;
    const out = new Uint8Array(SPECTROGRAM_CELLS);
    for (let c = 0; c < SPECTROGRAM_CELLS; c++) {
      out[c] = Math.round(
        255 * Math.min(1, Math.max(0, (cellsDb[c] - bottomDb) / SPECTROGRAM_RANGE_DB)),
      );
    }
    return out;
  }
}
