/**
 * Writes tests/fixtures/featureGoldens.json: the digest of the features of every golden case
 * (tests/helpers/featureGoldens.ts), computed by the code as it is now. Run it only when a
 * change to the analysis is meant to change its results:
 *   node --no-warnings scripts/goldens/features.ts
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { enableWasmFft } from '../../shared/dsp/fft.ts';
import { extractFileFeatures } from '../../node/diagnosis/featuresFromFile.ts';
import {
  featuresDigest,
  GOLDEN_FIXTURE,
  writeGoldenRecordings,
} from '../../tests/helpers/featureGoldens.ts';

const folder = await mkdtemp(join(tmpdir(), 'auscult-goldens-'));
try {
  await enableWasmFft();
  const digests: Record<string, string> = {};
  for (const golden of await writeGoldenRecordings(folder)) {
    const { features } = await extractFileFeatures(golden.path, golden.range);
    digests[golden.name] = featuresDigest(features);
  }
  await writeFile(GOLDEN_FIXTURE, `${JSON.stringify(digests, null, 2)}\n`);
  console.log(`wrote ${GOLDEN_FIXTURE}`);
} finally {
  await rm(folder, { recursive: true, force: true });
}
