/**
 * Review's spectrum of a recording without a calibration is labelled dBFS/Hz (axis, cursor
 * readout, CSV header, printed report): its levels must be the recording's own, not lowered onto
 * the baseline's scale by the gain the comparison matched it with. The same machine recorded
 * 20 dB quieter must read 20 dB lower, with the baseline's band moved along so that what stands
 * above it is unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  MachineSummary,
  SelectionAnalysis,
  SessionResult,
} from '../../../shared/api/contract.ts';
import { parseMachineProfile } from '../../../shared/diagnosis/profile.ts';
import { simulateMachine } from '../../../shared/simulation/machineSim.ts';
import { DEMO_PROFILE_JSON, DEMO_SAMPLE_RATE_HZ } from '../../../node/workflows/demo.ts';
import { expectClose } from '../../helpers/tolerance.ts';
import { openApiFixture } from './apiFixtures.ts';
import type { ApiFixture } from './apiFixtures.ts';

let api: ApiFixture;
let demo: MachineSummary;

beforeAll(async () => {
  api = await openApiFixture({ demo: true });
  [demo] = (await api.call('machines.list')) as MachineSummary[];
}, 60_000);
afterAll(async () => {
  await api.close();
});

/** Three seconds of the simulated demo machine at `scale` of its level, reviewed whole. */
async function reviewAt(scale: number): Promise<SelectionAnalysis> {
  const samples = Float32Array.from(
    simulateMachine({
      profile: parseMachineProfile(DEMO_PROFILE_JSON),
      sampleRateHz: DEMO_SAMPLE_RATE_HZ,
      durationSeconds: 3,
      seed: 5,
    }),
    (sample) => sample * scale,
  );
  const sessionId = (await api.call('sessions.start', demo.id, DEMO_SAMPLE_RATE_HZ)) as string;
  await api.call('sessions.append', sessionId, samples.buffer);
  const { recording } = (await api.call('sessions.stop', sessionId)) as SessionResult;
  return (await api.call('review.selection', recording.id, 0, 3)) as SelectionAnalysis;
}

const peakDb = (levelsDb: readonly number[]) => Math.max(...levelsDb);

describe('review.selection without a calibration', () => {
  it('gives the recording’s own dBFS/Hz, the baseline’s band moved to it', async () => {
    const loud = await reviewAt(1);
    const quiet = await reviewAt(0.1);
    expect(loud.levelUnit).toBe('dBFS');
    expect(quiet.levelUnit).toBe('dBFS');
    expect(quiet.baseline).not.toBeNull();
    // A tenth of the amplitude is 20 dB less power at every frequency.
    expectClose(peakDb(loud.spectrum.levelsDb) - peakDb(quiet.spectrum.levelsDb), 20, 0.1);
    expectClose(
      peakDb(loud.baseline?.medianDb ?? []) - peakDb(quiet.baseline?.medianDb ?? []),
      20,
      0.1,
    );
    // What stands above the band is what the comparison found: the same for both.
    expect(quiet.anomalies).toEqual(loud.anomalies);
    const i = Math.floor(loud.spectrum.levelsDb.length / 3);
    const gapDb = (a: SelectionAnalysis) =>
      a.spectrum.levelsDb[i] - (a.baseline?.medianDb[i] ?? NaN);
    expectClose(gapDb(quiet), gapDb(loud), 0.05);
  }, 90_000);
});
