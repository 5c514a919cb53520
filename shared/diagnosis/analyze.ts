/**
 * The `auscult analyze` report: what a recording holds, without a baseline or a profile — its
 * signal statistics, the spectrum lines that stand out of their neighbourhood, and the envelope
 * spectrum of the band where impacts ring (docs/diagnosis.md §1).
 */
import { levelUnit, splOffsetDb } from '../audio/calibration/micCalibration.ts';
import type { LevelUnit, MicCalibration } from '../audio/calibration/micCalibration.ts';
import { localPeaks } from './baseline/localPeaks.ts';
import type { RecordingFeatures } from './features/types.ts';
import { checkInput } from './inputCheck.ts';
import type { InputCheck } from './inputCheck.ts';
import type { SignalSurvey } from './signalSurvey.ts';

export interface AnalysisPeak {
  readonly frequencyHz: number;
  /**
   * Interpolated level: PSD in dB re 1 unit²/Hz, or envelope amplitude in dB re 1 unit; through
   * a calibration, dB re (20 µPa)²/Hz and dB re 20 µPa (the report's levelUnit says which).
   */
  readonly levelDb: number;
  /** Height over the median level of the surrounding ±12 bins, dB. */
  readonly prominenceDb: number;
}

export interface AnalysisReport {
  readonly file: string;
  readonly sampleRateHz: number;
  readonly durationSeconds: number;
  /** Spectra are meaningful up to here (0.45 × sample rate), Hz. */
  readonly analysedMaxHz: number;
  /**
   * The unit of the peaks' levels: 'dBFS' (spectrum in dB re 1 FS²/Hz, envelope in dB re 1 FS)
   * or, through a microphone calibration, 'dB SPL' (re (20 µPa)²/Hz and re 20 µPa).
   */
  readonly levelUnit: LevelUnit;
  readonly statistics: {
    readonly rms: number;
    /** 20·log10(rms), dB re 1 (full scale for PCM); -300 for silence. */
    readonly rmsDb: number;
    /** Calibrated only: the level of the spectrum above DC up to analysedMaxHz, dB SPL (unweighted). */
    readonly rmsDbSpl?: number;
    readonly peak: number;
    readonly crestFactor: number;
    /** Pearson kurtosis (3 for Gaussian noise; impacts raise it); null for a constant signal. */
    readonly kurtosis: number | null;
  };
  readonly spectrum: {
    readonly binWidthHz: number;
    /** The most prominent lines, most prominent first. */
    readonly peaks: readonly AnalysisPeak[];
  };
  readonly envelope: {
    /** The band demodulated (highest spectral kurtosis), Hz. */
    readonly demodulationBandHz: readonly [number, number];
    readonly spectralKurtosis: number;
    /** Whether the band's impulsiveness stands out of Gaussian noise. */
    readonly significant: boolean;
    readonly binWidthHz: number;
    /** The most prominent envelope lines, most prominent first. */
    readonly peaks: readonly AnalysisPeak[];
  };
  /** The input check, when it found anything (inputCheck.ts); the figures above still hold. */
  readonly input?: InputCheck;
}

export interface AnalysisOptions {
  /** Peaks listed per spectrum; default 10. */
  readonly maxPeaks?: number;
  /** Narrowband lines must stand this far out of their neighbourhood; default 10 dB. */
  readonly spectrumMinProminenceDb?: number;
  /** Envelope lines likewise; default 6 dB. */
  readonly envelopeMinProminenceDb?: number;
  /** The survey of the raw samples: with it, the report carries the input check's problems. */
  readonly inputSurvey?: SignalSurvey | null;
  /** The microphone's calibration: levels in dB SPL instead of dBFS. */
  readonly calibration?: MicCalibration | null;
}

/** Spectrum lines below this are rumble and DC leakage, Hz. */
const SPECTRUM_MIN_HZ = 5;
/** Envelope lines below this are the slow level changes of the recording, Hz. */
const ENVELOPE_MIN_HZ = 2;

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** Six significant digits: readable, and stable across platforms' last-bit differences. */
function significant(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(6)) : value;
}

function peaksOf(
  levelsDb: readonly number[],
  binWidthHz: number,
  rangeHz: readonly [number, number],
  minProminenceDb: number,
  maxPeaks: number,
  offsetDb: (frequencyHz: number) => number,
): AnalysisPeak[] {
  // Found on the dBFS levels, so a calibration moves no peak: it only restates their levels.
  return localPeaks(levelsDb, binWidthHz, rangeHz, minProminenceDb)
    .slice(0, maxPeaks)
    .map((p) => ({
      frequencyHz: round(p.frequencyHz, 2),
      levelDb: round(p.levelDb + offsetDb(p.frequencyHz), 2),
      prominenceDb: round(p.prominenceDb, 2),
    }));
}

/** The power of a density spectrum above DC, in dB SPL: Σ 10^(L/10)·Δf, each bin calibrated. */
function spectrumLevelDbSpl(
  spectrum: RecordingFeatures['spectrum'],
  calibration: MicCalibration,
): number {
  let power = 0;
  for (let bin = 1; bin < spectrum.levelsDb.length; bin++) {
    const frequencyHz = bin * spectrum.binWidthHz;
    power += 10 ** ((spectrum.levelsDb[bin] + splOffsetDb(calibration, frequencyHz)) / 10);
  }
  return round(10 * Math.log10(Math.max(power * spectrum.binWidthHz, 1e-30)), 2);
}

function checkOptions(
  options: AnalysisOptions,
): Required<Omit<AnalysisOptions, 'inputSurvey' | 'calibration'>> {
  const maxPeaks = options.maxPeaks ?? 10;
  if (!Number.isInteger(maxPeaks) || maxPeaks < 0) {
    throw new RangeError(`analyzeRecording: options.maxPeaks must be an integer ≥ 0`);
  }
  const spectrumMinProminenceDb = options.spectrumMinProminenceDb ?? 10;
  const envelopeMinProminenceDb = options.envelopeMinProminenceDb ?? 6;
  for (const [name, value] of Object.entries({
    spectrumMinProminenceDb,
    envelopeMinProminenceDb,
  })) {
    if (!(value >= 0)) throw new RangeError(`analyzeRecording: options.${name} must be ≥ 0`);
  }
  return { maxPeaks, spectrumMinProminenceDb, envelopeMinProminenceDb };
}

/**
 * The analysis report of a recording's features. Peaks are local maxima standing
 * `…MinProminenceDb` over the median of their ±12-bin neighbourhood (a floor that, unlike
 * scipy.signal.find_peaks' prominence, noisy dips do not pull down), located by a parabola
 * through the three dB values around them, within 5 Hz..analysedMaxHz for the spectrum and
 * 2 Hz..the envelope's end for the envelope spectrum. Frequencies are rounded to 0.01 Hz, levels
 * to 0.01 dB and statistics to six significant digits, so the report is byte-stable.
 * Pure; `features` is not changed. Throws RangeError naming a bad option.
 */
export function analyzeRecording(
  file: string,
  features: RecordingFeatures,
  options: AnalysisOptions = {},
): AnalysisReport {
  const settings = checkOptions(options);
  const { spectrum, envelope, statistics } = features;
  const envelopeEndHz = (envelope.levelsDb.length - 1) * envelope.binWidthHz;
  const check = options.inputSurvey ? checkInput(options.inputSurvey) : null;
  const calibration = options.calibration ?? null;
  const spectrumOffsetDb = (frequencyHz: number) =>
    calibration ? splOffsetDb(calibration, frequencyHz) : 0;
  // The envelope of a band is the band's amplitude: it takes the band's offset, at its centre.
  const bandCentreHz = Math.sqrt(Math.max(envelope.lowHz, 1) * envelope.highHz);
  const envelopeOffsetDb = () => spectrumOffsetDb(bandCentreHz);
  return {
    file,
    sampleRateHz: features.sampleRateHz,
    durationSeconds: round(features.durationSeconds, 3),
    analysedMaxHz: round(features.analysedMaxHz, 2),
    levelUnit: levelUnit(calibration),
    statistics: {
      rms: significant(statistics.rms),
      rmsDb: round(20 * Math.log10(Math.max(statistics.rms, 1e-15)), 2),
      ...(calibration ? { rmsDbSpl: spectrumLevelDbSpl(spectrum, calibration) } : {}),
      peak: significant(statistics.peak),
      crestFactor: significant(statistics.crestFactor),
      kurtosis: Number.isFinite(statistics.kurtosis) ? significant(statistics.kurtosis) : null,
    },
    spectrum: {
      binWidthHz: significant(spectrum.binWidthHz),
      peaks: peaksOf(
        spectrum.levelsDb,
        spectrum.binWidthHz,
        [SPECTRUM_MIN_HZ, features.analysedMaxHz],
        settings.spectrumMinProminenceDb,
        settings.maxPeaks,
        spectrumOffsetDb,
      ),
    },
    envelope: {
      demodulationBandHz: [round(envelope.lowHz, 1), round(envelope.highHz, 1)],
      spectralKurtosis: significant(envelope.spectralKurtosis),
      significant: envelope.significant,
      binWidthHz: significant(envelope.binWidthHz),
      peaks: peaksOf(
        envelope.levelsDb,
        envelope.binWidthHz,
        [ENVELOPE_MIN_HZ, envelopeEndHz],
        settings.envelopeMinProminenceDb,
        settings.maxPeaks,
        envelopeOffsetDb,
      ),
    },
    ...(check && check.problems.length > 0 ? { input: check } : {}),
  };
}
