/**
 * The service's FeatureSource (node/workflows/features.ts): recording features computed on the
 * service's analysis pool (docs/architecture.md, "Where computation runs"), so a long recording never
 * stalls the host's replies; only the file's header is read in the host's thread.
 */
import type { AnalysisPool } from '../analysis/analysisPool.ts';
import { extractFileFeatures } from '../diagnosis/featuresFromFile.ts';
import type { FeatureSource } from '../workflows/features.ts';

export function poolFeatureSource(pool: AnalysisPool): FeatureSource {
  return {
    async features(path, range) {
      return (await extractFileFeatures(path, range, { pool })).features;
    },
  };
}
