/**
 * Everything the live view shows, computed from the stream with shared/ DSP: level, Welch
 * spectrum over the last ~1.3 s shifted to the baseline's level, and waterfall lines. Free of
 * worker globals so it can be tested in Node; liveAnalysis.worker.ts only wires messages to it.
 */
import type { BaselineSpectrumView } from '../../../shared/api/contract.ts';
import { USABLE_BAND_FRACTION } from '../../chart/frequencyAxis.ts';
import type { FrequencyScale } from '../../chart/frequencyAxis.ts';
import { LevelTracker } from './levelMeter.ts';
import type { LiveFrame, LiveSpectrum } from './liveMessages.ts';
import { SlidingSpectrum } from './slidingSpectrum.ts';
import { SpectrogramCells } from './spectrogramCells.ts';
import {
  baselineGainDb,
  reduceSpectrum,
  reduceSpectrumLog,
  shiftLevels,
} from './spectrumPoints.ts';

/** Frames per second of audio the page receives. */
export const FRAMES_PER_SECOND = 10;

export class LiveAnalyser {
  readonly sampleRateHz: number;
  private readonly level: LevelTracker;
  private readonly spectrum: SlidingSpectrum;
  private readonly spectrogram: SpectrogramCells;
  private readonly samplesPerFrame: number;
  private scale: FrequencyScale;
  private baseline: BaselineSpectrumView | null = null;
  private lastSpectrum: LiveSpectrum | null = null;
  private samplesSinceFrame = 0;
  private receivedSamples = 0;

  constructor(sampleRateHz: number, scale: FrequencyScale) {
    this.sampleRateHz = sampleRateHz;
    this.scale = scale;
    this.level = new LevelTracker(sampleRateHz);
    this.spectrum = new SlidingSpectrum(sampleRateHz);
    this.spectrogram = new SpectrogramCells(sampleRateHz, scale);
    this.samplesPerFrame = Math.round(sampleRateHz / FRAMES_PER_SECOND);
  }

  /** The chart's frequency axis: the spectrum's points and the waterfall's cells follow it. */
  setScale(scale: FrequencyScale): void {
    this.scale = scale;
    this.spectrogram.setScale(scale);
    this.lastSpectrum = null;
  }

  /** The baseline the live level is matched to (null: shown as measured). */
  setBaseline(baseline: BaselineSpectrumView | null): void {
    this.baseline = baseline;
    this.lastSpectrum = null;
  }

  /** Adds a block of mono samples (not changed). */
  push(block: Float32Array): void {
    this.level.push(block);
    this.spectrum.push(block);
    this.spectrogram.push(block);
    this.samplesSinceFrame += block.length;
    this.receivedSamples += block.length;
  }

  /** True once a tenth of a second of audio came since the last frame. */
  get frameDue(): boolean {
    return this.samplesSinceFrame >= this.samplesPerFrame;
  }

  /** The frame for the page; the spectrum is recomputed only when a new segment completed. */
  takeFrame(): LiveFrame {
    // The remainder carries over, so frames come ten per second of audio on average.
    this.samplesSinceFrame %= this.samplesPerFrame;
    if (this.spectrum.hasNew || this.lastSpectrum === null) {
      this.lastSpectrum = this.currentSpectrum() ?? this.lastSpectrum;
    }
    return {
      level: this.level.take(),
      spectrum: this.lastSpectrum,
      spectrogram: this.spectrogram.take(),
      spectrogramLinesPerSecond: this.spectrogram.linesPerSecond,
      receivedSeconds: this.receivedSamples / this.sampleRateHz,
    };
  }

  private currentSpectrum(): LiveSpectrum | null {
    const levelsDb = this.spectrum.levelsDb();
    if (levelsDb === null) return null;
    const { frequenciesHz } = this.spectrum;
    const maxHz = USABLE_BAND_FRACTION * this.sampleRateHz;
    // The level is matched on points reduced as the baseline's were; drawn on the axis's own.
    const uniform = reduceSpectrum(frequenciesHz, levelsDb, maxHz);
    const points =
      this.scale === 'log' ? reduceSpectrumLog(frequenciesHz, levelsDb, maxHz) : uniform;
    const gainDb = this.baseline ? baselineGainDb(uniform, this.baseline) : null;
    const shown = gainDb === null ? points : shiftLevels(points, gainDb);
    return { ...shown, gainDb };
  }
}
