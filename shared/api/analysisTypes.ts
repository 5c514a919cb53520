/**
 * What the Review screen draws for a recording: the analysis of a stretch against the baseline,
 * its spectrogram and its waveform (re-exported by shared/api/contract.ts).
 */
import type { LevelUnit } from '../audio/calibration/micCalibration.ts';
import type { CharacteristicKind } from '../diagnosis/characteristicFrequencies.ts';
import type { DiagnosisReport } from '../diagnosis/report.ts';
import type { BaselineSpectrumView } from './libraryTypes.ts';

/** What the Review screen draws for a stretch of a recording, against the machine's baseline. */
export interface SelectionAnalysis {
  readonly recordingId: string;
  readonly startSeconds: number;
  readonly endSeconds: number;
  /**
   * Narrowband PSD of the stretch, level-normalised to the baseline (dB; dB re 1 unit²/Hz when
   * the machine has no baseline), from the first bin above 0 Hz, max-pooled to ≤ 4000 points.
   */
  readonly spectrum: {
    readonly frequenciesHz: readonly number[];
    readonly levelsDb: readonly number[];
  };
  /** The baseline's median and normal band (null: the machine has no baseline yet). */
  readonly baseline: BaselineSpectrumView | null;
  /**
   * 'dB SPL' for a recording made through a calibrated microphone: the spectrum is then its own
   * absolute PSD in dB re (20 µPa)²/Hz (not normalised), the baseline's curves moved by the
   * same amounts so the comparison stays as the diagnosis makes it, and the envelope in
   * dB re 20 µPa. 'dBFS' (or absent) otherwise.
   */
  readonly levelUnit?: LevelUnit;
  /** Lines at least 6 dB above the healthy maximum: the anomalous frequencies to highlight. */
  readonly anomalies: readonly { readonly frequencyHz: number; readonly excessDb: number }[];
  /** Envelope amplitude spectrum of the demodulation band, dB re 1, up to 1 kHz, ≤ 4000 points. */
  readonly envelope: {
    readonly lowHz: number;
    readonly highHz: number;
    readonly frequenciesHz: readonly number[];
    readonly levelsDb: readonly number[];
  };
  /**
   * The profile's characteristic frequencies within the spectrum's range, at the profile's
   * nominal speeds (markers that can be switched on and off).
   */
  readonly markers: readonly {
    readonly id: string;
    readonly name: string;
    readonly kind: CharacteristicKind;
    readonly frequencyHz: number;
  }[];
  /**
   * The stretch's diagnosis, not stored: dragging the region makes no rows. Store it with
   * diagnoses.save (same recording and stretch) to put it in the fault log.
   */
  readonly report: DiagnosisReport;
}

/**
 * A recording's spectrogram computed on the host: `valuesDb[column * binCount + bin]`. Bins are
 * linear in frequency: bin b covers [b, b + 1) · maxFrequencyHz / binCount. Each cell is the
 * largest PSD of the STFT frames and bins inside it (short events and narrow lines survive).
 */
export interface SpectrogramView {
  readonly recordingId: string;
  readonly durationSeconds: number;
  readonly maxFrequencyHz: number;
  readonly columnCount: number;
  readonly binCount: number;
  /**
   * PSD in dB re 1 unit²/Hz, rounded to 0.1 dB; columns evenly cover the recording (fewer than
   * asked when a short recording has fewer STFT frames).
   */
  readonly valuesDb: readonly number[];
}

/**
 * Waveform overview for long recordings: the largest |sample| (channels mixed) in each of
 * `count` equal buckets (fewer when the recording has fewer frames).
 */
export interface WaveformPeaks {
  readonly recordingId: string;
  readonly durationSeconds: number;
  readonly peaks: readonly number[];
}
