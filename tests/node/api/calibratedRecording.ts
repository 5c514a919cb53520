/**
 * A live recording of the demo machine through the API, through a named input device (which may
 * have a microphone calibration) or none.
 */
import type { RecordingSummary, SessionResult } from '../../../shared/api/contract.ts';
import { parseMachineProfile } from '../../../shared/diagnosis/profile.ts';
import { simulateMachine } from '../../../shared/simulation/machineSim.ts';
import { DEMO_PROFILE_JSON, DEMO_SAMPLE_RATE_HZ } from '../../../node/workflows/demo.ts';
import type { ApiFixture } from './apiFixtures.ts';

export const DEVICE = 'UMIK-1 Gain: 18dB';
/** Sens Factor −0.8 dB: 94 dB SPL reads −18.8 dBFS; flat, so every frequency gains 112.8 dB. */
export const UMIK = '"Sens Factor =-0.8dB, AGain =18dB, SERNO: 7000000"\r\n10\t0\r\n20000\t0\r\n';

/** Three seconds of the simulated demo machine at `scale` of its level, recorded live. */
export async function recordDemo(
  api: ApiFixture,
  machineId: string,
  deviceName?: string,
  scale = 1,
): Promise<RecordingSummary> {
  const samples = Float32Array.from(
    simulateMachine({
      profile: parseMachineProfile(DEMO_PROFILE_JSON),
      sampleRateHz: DEMO_SAMPLE_RATE_HZ,
      durationSeconds: 3,
      seed: 5,
    }),
    (sample) => sample * scale,
  );
  const args = deviceName === undefined ? [] : [deviceName];
  const sessionId = (await api.call(
    'sessions.start',
    machineId,
    DEMO_SAMPLE_RATE_HZ,
    ...args,
  )) as string;
  await api.call('sessions.append', sessionId, samples.buffer);
  return ((await api.call('sessions.stop', sessionId)) as SessionResult).recording;
}
