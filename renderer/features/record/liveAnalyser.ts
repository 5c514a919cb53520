/**
 * Everything the live view shows, computed from the stream with shared/ DSP: level, Welch
 * spectrum over the last ~1.3 s (averaged further and peak-held as the view asks) shifted to
 * the baseline's level, and waterfall lines. Free of
 * worker globals so it can be tested in Node; liveAnalysis.worker.ts only wires messages to it.
 */
import type { BaselineSpectrumView } from '../../../shared/api/contract.ts';
import { USABLE_BAND_FRACTION } from '../../chart/frequencyAxis.ts';
import { LevelTracker } from './levelMeter.ts';
import { PeakHold, SpectrumAverager } from './liveAveraging.ts';
import type { LiveAnalysisView, LiveFrame, LiveSpectrum } from './liveMessages.ts';
import { SlidingSpectrum } from './slidingSpectrum.ts';
import { SpectrogramCells } from './spectrogramCells.ts';
import {
  baselineGainDb,
  reduceSpectrum,
  reduceSpectrumLog,
  shiftLevels,
} from './spectrumPoints.ts';

/**
 * Frames per second of audio the page receives: as often as a person can follow a spectrum
 * (REW's RTA updates about as often); each frame redraws both charts and the meter, the largest
 * part of what the Record screen costs a laptop.
 */
export const FRAMES_PER_SECOND = 8;

export class LiveAnalyser {
  readonly sampleRateHz: number;
  private readonly level: LevelTracker;
  private readonly spectrum: SlidingSpectrum;
  private readonly spectrogram: SpectrogramCells;
  private readonly samplesPerFrame: number;
  private readonly averager = new SpectrumAverager();
  private readonly peaks = new PeakHold();
  private view: LiveAnalysisView;
  private baseline: BaselineSpectrumView | null = null;
  private lastSpectrum: LiveSpectrum | null = null;
  private samplesSinceFrame = 0;
  private samplesSinceSpectrum = 0;
  private receivedSamples = 0;

  constructor(sampleRateHz: number, view: LiveAnalysisView) {
    this.sampleRateHz = sampleRateHz;
    this.view = view;
    this.level = new LevelTracker(sampleRateHz);
    this.spectrum = new SlidingSpectrum(sampleRateHz);
    this.spectrogram = new SpectrogramCells(sampleRateHz, view.axis);
    this.samplesPerFrame = Math.round(sampleRateHz / FRAMES_PER_SECOND);
  }

  /** The view's axis, averaging and peak hold; a new axis also restarts the waterfall. */
  setView(view: LiveAnalysisView): void {
    const [a, b] = [view.axis, this.view.axis];
    // Compared by value: the view arrives as a fresh copy in every message.
    if (a.scale !== b.scale || a.minHz !== b.minHz || a.maxHz !== b.maxHz) {
      this.spectrogram.setAxis(view.axis);
    }
    if (!view.peakHold) this.peaks.reset();
    if (view.averagingSeconds !== this.view.averagingSeconds) this.averager.reset();
    this.view = view;
    this.lastSpectrum = null;
  }

  /** Forgets the held peaks. */
  resetPeak(): void {
    this.peaks.reset();
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
    this.samplesSinceSpectrum += block.length;
    this.receivedSamples += block.length;
  }

  /** True once 1/FRAMES_PER_SECOND of a second of audio came since the last frame. */
  get frameDue(): boolean {
    return this.samplesSinceFrame >= this.samplesPerFrame;
  }

  /** The frame for the page; the spectrum is recomputed only when a new segment completed. */
  takeFrame(): LiveFrame {
    // The remainder carries over, so frames come FRAMES_PER_SECOND per second of audio on average.
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
    const welchDb = this.spectrum.levelsDb();
    if (welchDb === null) return null;
    const elapsedSeconds = this.samplesSinceSpectrum / this.sampleRateHz;
    this.samplesSinceSpectrum = 0;
    const levelsDb = this.averager.push(welchDb, elapsedSeconds, this.view.averagingSeconds);
    const { frequenciesHz } = this.spectrum;
    const { axis } = this.view;
    const maxHz = axis.maxHz;
    const reduce = (db: ArrayLike<number>) =>
      axis.scale === 'log'
        ? reduceSpectrumLog(frequenciesHz, db, maxHz)
        : reduceSpectrum(frequenciesHz, db, maxHz);
    // The level is matched on points reduced as the baseline's were (the whole usable band).
    const uniform = reduceSpectrum(
      frequenciesHz,
      levelsDb,
      USABLE_BAND_FRACTION * this.sampleRateHz,
    );
    const gainDb = this.baseline ? baselineGainDb(uniform, this.baseline) : null;
    const shift = (points: ReturnType<typeof reduce>) =>
      gainDb === null ? points : shiftLevels(points, gainDb);
    const shown = shift(reduce(levelsDb));
    const peakDb = this.view.peakHold ? shift(reduce(this.peaks.push(levelsDb))).levelsDb : null;
    return { ...shown, gainDb, peakDb };
  }
}
