/**
 * A calibrated microphone: its response curve and its sensitivity, and what they make of levels
 * measured in dBFS — sound pressure levels in dB SPL (re 20 µPa). Pure.
 *
 * Levels in dBFS are 20·log10 of the RMS with full scale = 1 (so a full-scale sine reads
 * −3.01 dBFS), as Auscult's statistics and spectra have always been; the sensitivity is the level
 * a 1 kHz tone of 94 dB SPL (1 Pa) reads in the same convention. Then, at frequency f,
 *   L_SPL(f) = L_dBFS(f) + 94 − sensitivityDbfs − (C(f) − C(1 kHz)),
 * C being the file's response interpolated on a logarithmic frequency axis and held flat beyond
 * its ends. C is taken relative to 1 kHz because the sensitivity was measured there: the
 * response at 1 kHz is already inside it. The same offset applies to power spectral densities
 * (dB re 1 FS²/Hz → dB re (20 µPa)²/Hz): pressure is proportional to the samples.
 */
import type { CalibrationCurve } from './calibrationFile.ts';
import { CalibrationError } from './calibrationError.ts';

export interface MicCalibration {
  readonly curve: CalibrationCurve;
  /** The level in dBFS that 94 dB SPL at 1 kHz gives through this microphone and input. */
  readonly sensitivityDbfs: number;
}

/** 1 Pa in dB SPL (re 20 µPa): the level of acoustic calibrators. */
export const REFERENCE_SPL_DB = 94;
/** Where sensitivities are stated, Hz. */
export const REFERENCE_FREQUENCY_HZ = 1000;
/**
 * The nominal sensitivity a miniDSP `Sens Factor` is a deviation from: −18 dBFS at 94 dB SPL,
 * the UMIK-1's at the 18 dB analog gain its files state (`AGain =18dB`). A file's response data
 * are the microphone's own response and are subtracted, as REW does; the Sens Factor is read the
 * same way, as how much more this unit gives than nominal: sensitivity = −18 + Sens Factor.
 */
export const NOMINAL_SENSITIVITY_DBFS = -18;
/** A sensitivity outside this cannot come from a working input, dBFS. */
export const SENSITIVITY_RANGE_DBFS: readonly [number, number] = [-150, 30];

/** dBFS at 94 dB SPL, 1 kHz, for a file's `Sens Factor` (see NOMINAL_SENSITIVITY_DBFS). */
export function sensitivityFromSensFactor(sensFactorDb: number): number {
  return NOMINAL_SENSITIVITY_DBFS + sensFactorDb;
}

/**
 * The calibration of a parsed curve: with the sensitivity the user gave, else the one its
 * Sens Factor implies. Throws CalibrationError 'no-sensitivity' when there is neither and
 * 'bad-sensitivity' for one outside SENSITIVITY_RANGE_DBFS or not finite.
 */
export function micCalibration(curve: CalibrationCurve, sensitivityDbfs?: number): MicCalibration {
  const sensitivity =
    sensitivityDbfs ??
    (curve.sensFactorDb === null ? null : sensitivityFromSensFactor(curve.sensFactorDb));
  if (sensitivity === null) {
    throw new CalibrationError(
      'no-sensitivity',
      0,
      'the file gives no Sens Factor: give the level in dBFS that 94 dB SPL at 1 kHz reads',
    );
  }
  const [lowest, highest] = SENSITIVITY_RANGE_DBFS;
  if (!(sensitivity >= lowest && sensitivity <= highest)) {
    throw new CalibrationError(
      'bad-sensitivity',
      0,
      `the sensitivity ${sensitivity} dBFS is not within ${lowest} to ${highest} dBFS`,
    );
  }
  return { curve, sensitivityDbfs: sensitivity };
}

/** Index of the last point at or below frequencyHz (−1 below the first). */
function pointBelow(frequenciesHz: readonly number[], frequencyHz: number): number {
  let low = -1;
  let high = frequenciesHz.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (frequenciesHz[middle] <= frequencyHz) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * The curve's response at frequencyHz, dB: linear in log-frequency between points, the end
 * points' values beyond them (a file says nothing outside its range; flat is the least claim).
 */
export function responseAtDb(curve: CalibrationCurve, frequencyHz: number): number {
  const { frequenciesHz, responseDb } = curve;
  const below = pointBelow(frequenciesHz, frequencyHz);
  if (below < 0) return responseDb[0];
  if (below >= frequenciesHz.length - 1) return responseDb[frequenciesHz.length - 1];
  const lowHz = frequenciesHz[below];
  const highHz = frequenciesHz[below + 1];
  const t = Math.log(frequencyHz / lowHz) / Math.log(highHz / lowHz);
  return responseDb[below] + t * (responseDb[below + 1] - responseDb[below]);
}

/** What to add to a dBFS level (or density) at frequencyHz to have it in dB SPL. */
export function splOffsetDb(calibration: MicCalibration, frequencyHz: number): number {
  const { curve, sensitivityDbfs } = calibration;
  const relativeDb = responseAtDb(curve, frequencyHz) - responseAtDb(curve, REFERENCE_FREQUENCY_HZ);
  return REFERENCE_SPL_DB - sensitivityDbfs - relativeDb;
}

/** A level in dBFS at frequencyHz, in dB SPL. */
export function levelDbSpl(
  levelDbfs: number,
  frequencyHz: number,
  calibration: MicCalibration,
): number {
  return levelDbfs + splOffsetDb(calibration, frequencyHz);
}

/**
 * A spectrum with bins binWidthHz apart from 0 Hz, in dB re 1 FS² (or FS²/Hz), as dB SPL (or
 * dB re (20 µPa)²/Hz): a new array; the input is not changed. Throws RangeError for a bin width
 * that is not a positive finite number.
 */
export function calibrateLevelsDb(
  levelsDb: readonly number[],
  binWidthHz: number,
  calibration: MicCalibration,
): number[] {
  if (!(binWidthHz > 0 && Number.isFinite(binWidthHz))) {
    throw new RangeError('calibrateLevelsDb: binWidthHz must be a positive finite number');
  }
  return levelsDb.map((levelDb, bin) => levelDb + splOffsetDb(calibration, bin * binWidthHz));
}

/** The unit of levels: dB SPL when calibrated, dBFS otherwise. */
export type LevelUnit = 'dB SPL' | 'dBFS';

export function levelUnit(calibration: MicCalibration | null | undefined): LevelUnit {
  return calibration ? 'dB SPL' : 'dBFS';
}

/** The unit of power spectral densities: dB re 1 FS²/Hz, or dB re (20 µPa)²/Hz when calibrated. */
export type DensityUnit = 'dBFS/Hz' | 'dB SPL/Hz';

export function densityUnit(calibration: MicCalibration | null | undefined): DensityUnit {
  return calibration ? 'dB SPL/Hz' : 'dBFS/Hz';
}
