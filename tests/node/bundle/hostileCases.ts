/**
 * Hostile review bundles, each with the refusal it must get. Built with the test's own zip writer
 * (zipBuilder.ts); hostile.test.ts opens and unpacks each and checks nothing is left.
 */
import type { HostileCase } from './hostileBuilders.ts';
import { CALIBRATION_CASES } from './hostileCalibrationCases.ts';
import { CONTAINER_CASES } from './hostileContainerCases.ts';
import { CONTENT_CASES } from './hostileContentCases.ts';
import { DECODED_AUDIO_CASES } from './hostileDecodedCases.ts';
import { ENTRY_CASES } from './hostileEntryCases.ts';
import { MANIFEST_CASES } from './hostileManifestCases.ts';

/** Every hostile review bundle, in one list; each file holds the cases of one concern. */
export const HOSTILE_CASES: readonly HostileCase[] = [
  ...ENTRY_CASES,
  ...CONTENT_CASES,
  ...MANIFEST_CASES,
  ...CONTAINER_CASES,
  ...DECODED_AUDIO_CASES,
  ...CALIBRATION_CASES,
];
