/** A live session through dispatch, fed as the Record screen feeds one. */
import { DEMO_SAMPLE_RATE_HZ } from '../../../node/workflows/demo.ts';
import type { SessionProgress, SessionResult } from '../../../shared/api/contract.ts';
import type { ApiFixture } from './apiFixtures.ts';

/** Records `samples` through a session in 100 ms chunks; every chunk's progress, and the result. */
export async function recordInChunks(
  api: ApiFixture,
  machineId: string,
  samples: Float32Array,
  rate = DEMO_SAMPLE_RATE_HZ,
): Promise<{ sessionId: string; progress: SessionProgress[]; result: SessionResult }> {
  const sessionId = (await api.call('sessions.start', machineId, rate)) as string;
  const chunk = rate / 10;
  const progress: SessionProgress[] = [];
  for (let start = 0; start < samples.length; start += chunk) {
    const part = samples.slice(start, start + chunk);
    progress.push((await api.call('sessions.append', sessionId, part.buffer)) as SessionProgress);
  }
  const result = (await api.call('sessions.stop', sessionId)) as SessionResult;
  return { sessionId, progress, result };
}
