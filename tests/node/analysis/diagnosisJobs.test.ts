/**
 * The input survey and the speed estimate run on the analysis pool's workers (the 'survey' and
 * 'speeds' range jobs) give exactly what the same code gives in this thread, for a whole real
 * recording and for a stretch of it.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createAnalysisPool } from '../../../node/analysis/analysisPool.ts';
import { poolFeatureSource } from '../../../node/api/poolFeatures.ts';
import { inlineFeatureSource } from '../../../node/workflows/features.ts';
import { parseMachineProfile } from '../../../shared/diagnosis/profile.ts';

const record = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../shared/data/cwru/inner-race-007-0hp-105',
);
const meta = JSON.parse(readFileSync(`${record}.json`, 'utf8')) as { rpm: number; profile: object };
const profile = parseMachineProfile({
  ...meta.profile,
  shafts: [{ id: 'motor-shaft', rpm: 1750 }],
});
const wav = `${record}.wav`;

describe('survey and speeds on the analysis pool', () => {
  const pool = createAnalysisPool({ threads: 2 });
  const onPool = poolFeatureSource(pool);
  afterAll(() => pool.close());

  for (const range of [undefined, { startFrame: 12_000, frameCount: 96_000 }]) {
    const what = range ? 'a stretch' : 'the whole recording';
    it(`survey of ${what}: the same as in this thread`, async () => {
      const here = await inlineFeatureSource.survey(wav, range);
      expect(here.frameCount).toBe(range?.frameCount ?? here.frameCount);
      expect(await onPool.survey(wav, range)).toEqual(here);
    });

    it(`speeds of ${what}: the same as in this thread, from the sound`, async () => {
      const here = await inlineFeatureSource.speeds(wav, profile, range);
      expect(here).toHaveLength(1);
      expect(Math.abs(here[0].rpm / meta.rpm - 1)).toBeLessThan(0.01);
      expect(await onPool.speeds(wav, profile, range)).toEqual(here);
    });
  }
});
