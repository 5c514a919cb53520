/**
 * The service's FeatureSource (node/workflows/features.ts): features, the input survey and shaft
 * speeds computed on the service's analysis pool (docs/architecture.md, "Where computation
 * runs"), so a long recording never stalls the host's replies; only the file's header is read in
 * the host's thread.
 */
import type { AnalysisPool } from '../analysis/analysisPool.ts';
import type { FrameRange as PoolRange } from '../analysis/frameRanges.ts';
import { extractFileFeatures, withRecording } from '../diagnosis/featuresFromFile.ts';
import type { FrameRange } from '../diagnosis/featuresFromFile.ts';
import type { FeatureSource } from '../workflows/features.ts';

/** The frames `range` names in the file at `path`, clamped to the file as its readers do. */
async function framesOf(path: string, range: FrameRange = {}): Promise<PoolRange> {
  const total = await withRecording(path, async (reader) => reader.info.frameCount);
  const startFrame = Math.min(range.startFrame ?? 0, total);
  const frameCount = Math.min(range.frameCount ?? total - startFrame, total - startFrame);
  return { startFrame, endFrame: startFrame + frameCount };
}

export function poolFeatureSource(pool: AnalysisPool): FeatureSource {
  return {
    async features(path, range) {
      return (await extractFileFeatures(path, range, { pool })).features;
    },
    async survey(path, range) {
      const [survey] = await pool.run('survey', path, [await framesOf(path, range)], {});
      return survey;
    },
    async speeds(path, profile, range) {
      const [speeds] = await pool.run('speeds', path, [await framesOf(path, range)], { profile });
      return speeds;
    },
  };
}
