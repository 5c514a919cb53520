/**
 * The analysis pool changes no result: the features of the golden recordings, computed on a pool
 * of worker threads and in this thread, are byte for byte those the code computed before the pool
 * existed (tests/fixtures/featureGoldens.json, written by scripts/goldens/features.ts).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalysisPool } from '../../../node/analysis/analysisPool.ts';
import { extractFileFeatures } from '../../../node/diagnosis/featuresFromFile.ts';
import {
  featuresDigest,
  GOLDEN_FIXTURE,
  writeGoldenRecordings,
} from '../../helpers/featureGoldens.ts';
import type { GoldenCase } from '../../helpers/featureGoldens.ts';

let folder = '';
let cases: GoldenCase[] = [];
let expected: Record<string, string> = {};
// Worker threads for real: a pool that fell back to this thread would test nothing new.
const fallbacks: Error[] = [];
const pool = createAnalysisPool({ threads: 2, onFallback: (error) => fallbacks.push(error) });

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'auscult-goldens-'));
  cases = await writeGoldenRecordings(folder);
  expected = JSON.parse(await readFile(GOLDEN_FIXTURE, 'utf8')) as Record<string, string>;
});

afterAll(async () => {
  expect(fallbacks).toEqual([]);
  await pool.close();
  await rm(folder, { recursive: true, force: true });
});

describe('features against the goldens', () => {
  it('has a golden for every case', () => {
    expect(Object.keys(expected).sort()).toEqual(cases.map((c) => c.name).sort());
  });

  it.each(['the analysis pool', 'this thread'])('are unchanged on %s', async (where) => {
    const options = where === 'this thread' ? {} : { pool };
    const digests: Record<string, string> = {};
    for (const golden of cases) {
      const { features } = await extractFileFeatures(golden.path, golden.range, options);
      digests[golden.name] = featuresDigest(features);
    }
    expect(digests).toEqual(expected);
  });

  it('gives the same modulation spectrum and short-time quantiles on the pool as here', async () => {
    for (const golden of cases) {
      const pooled = await extractFileFeatures(golden.path, golden.range, { pool });
      const here = await extractFileFeatures(golden.path, golden.range, {});
      expect(pooled.features.modulation).toEqual(here.features.modulation);
      // Frames cut by a range boundary add up: the quantiles equal one pass's, bit for bit.
      expect(pooled.features.temporal).toEqual(here.features.temporal);
      expect(pooled.features.temporal).toBeDefined();
      if (golden.name.includes('12 s') || golden.name.includes('45 s')) {
        expect(pooled.features.modulation?.levelsDb.length).toBeGreaterThan(100);
      }
    }
  });
});
