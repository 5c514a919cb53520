/**
 * Hostile bundles around a recording's microphone calibration (manifest version 3), each refused
 * as an invalid manifest before anything is extracted. Part of HOSTILE_CASES (hostile.test.ts
 * opens and unpacks each; roundTrip.test.ts accepts the good one).
 */
import { refusedManifest } from './hostileBuilders.ts';
import type { HostileCase } from './hostileBuilders.ts';

/** A calibration as the library keeps it: a UMIK-1's, flat, −18.8 dBFS at 94 dB SPL. */
export const GOOD_CALIBRATION = {
  fileName: 'umik-7000000.txt',
  sensitivityDbfs: -18.8,
  frequenciesHz: [10, 1000, 20000],
  responseDb: [-1.5, 0, 0.8],
};

/** The good manifest at `version` with `calibration` on its recording. */
export function withCalibration(
  manifest: Record<string, unknown>,
  calibration: unknown,
  version = 3,
): Record<string, unknown> {
  const recordings = (manifest.recordings as object[]).map((r) => ({ ...r, calibration }));
  return { ...manifest, version, recordings };
}

const refusedCalibration = (title: string, calibration: unknown, version = 3): HostileCase =>
  refusedManifest(`a calibration ${title}`, 'invalid-manifest', (m) =>
    withCalibration(m, calibration, version),
  );

export const CALIBRATION_CASES: readonly HostileCase[] = [
  refusedCalibration('in a version 2 manifest', GOOD_CALIBRATION, 2),
  refusedCalibration('in a version 1 manifest', GOOD_CALIBRATION, 1),
  refusedCalibration('that is text', 'umik.txt'),
  refusedCalibration('that is null', null),
  refusedCalibration('without a sensitivity', { ...GOOD_CALIBRATION, sensitivityDbfs: undefined }),
  refusedCalibration('with a sensitivity of −500 dBFS', {
    ...GOOD_CALIBRATION,
    sensitivityDbfs: -500,
  }),
  refusedCalibration('with a sensitivity in text', { ...GOOD_CALIBRATION, sensitivityDbfs: '-18' }),
  refusedCalibration('with falling frequencies', {
    ...GOOD_CALIBRATION,
    frequenciesHz: [20000, 1000, 10],
  }),
  refusedCalibration('with a null response', { ...GOOD_CALIBRATION, responseDb: [0, null, 0] }),
  refusedCalibration('with more responses than frequencies', {
    ...GOOD_CALIBRATION,
    responseDb: [0, 0, 0, 0],
  }),
  refusedCalibration('with no points', { ...GOOD_CALIBRATION, frequenciesHz: [], responseDb: [] }),
  refusedCalibration('with 20,001 points', {
    ...GOOD_CALIBRATION,
    frequenciesHz: Array.from({ length: 20_001 }, (_, i) => i + 1),
    responseDb: new Array<number>(20_001).fill(0),
  }),
  refusedCalibration('with a name of 256 characters', {
    ...GOOD_CALIBRATION,
    fileName: 'x'.repeat(256),
  }),
];
