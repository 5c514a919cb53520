/**
 * Speed from the sound on real recordings by others: every CWRU record (../shared/data/cwru)
 * with the machine profile of its own JSON, against the rpm logged with it.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { estimateFileSpeeds } from '../../node/diagnosis/speedFromFile.ts';
import { parseMachineProfile } from '../../shared/diagnosis/profile.ts';
import { MIN_TRUSTED_CONFIDENCE } from '../../shared/diagnosis/speed/estimate.ts';

const dataFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/data/cwru');
const RECORDS = [
  'normal-97-0hp-48k',
  'inner-race-007-0hp-105',
  'inner-race-021-1hp-210',
  'outer-race-007-0hp-130',
  'outer-race-021-1hp-235',
  'ball-007-0hp-118',
];

describe('speed estimation on the CWRU records', () => {
  for (const name of RECORDS) {
    it(`${name}: within 1 % of the logged rpm, trusted`, async () => {
      const meta = JSON.parse(readFileSync(resolve(dataFolder, `${name}.json`), 'utf8')) as {
        rpm: number;
        profile: unknown;
      };
      // A profile that says 1750 rpm: the estimate must come from the sound, not the profile.
      const profile = parseMachineProfile({
        ...(meta.profile as object),
        shafts: [{ id: 'motor-shaft', rpm: 1750 }],
      });
      const [shaft] = await estimateFileSpeeds(resolve(dataFolder, `${name}.wav`), profile);
      expect(shaft.shaftId).toBe('motor-shaft');
      expect(Math.abs(shaft.rpm / meta.rpm - 1)).toBeLessThan(0.01);
      expect(shaft.confidence).toBeGreaterThanOrEqual(MIN_TRUSTED_CONFIDENCE);
    });
  }
});
