/**
 * A recording of the demo lathe made as the Record screen makes one: simulated audio streamed
 * through a live session in 0.5 s chunks (the page's SESSION_CHUNK_SECONDS), then stopped, so
 * the host diagnoses it. For tests that need a recording made after something (a follow-up of a
 * fault-log entry, a later point of a trend).
 */
import { DEMO_PROFILE_JSON, DEMO_SAMPLE_RATE_HZ } from '../../node/workflows/demo.ts';
import type { AuscultApi, SessionResult } from '../../shared/api/contract.ts';
import { SESSION_CHUNK_SECONDS } from '../../shared/api/limits.ts';
import { parseMachineProfile } from '../../shared/diagnosis/profile.ts';
import type { FaultSpec } from '../../shared/simulation/faults.ts';
import { simulateMachine } from '../../shared/simulation/machineSim.ts';

/** `durationSeconds` of the demo lathe at its sample rate, with `faults`, as float32. */
export function demoLatheSamples(
  seed: number,
  faults: readonly FaultSpec[] = [],
  durationSeconds = 3,
): Float32Array {
  return Float32Array.from(
    simulateMachine({
      profile: parseMachineProfile(DEMO_PROFILE_JSON),
      sampleRateHz: DEMO_SAMPLE_RATE_HZ,
      durationSeconds,
      seed,
      faults: [...faults],
    }),
  );
}

/** Records 3 s of the demo lathe (with `faults`) on `machineId` through a live session. */
export async function recordDemoThroughSession(
  sessions: AuscultApi['sessions'],
  machineId: string,
  seed: number,
  faults: readonly FaultSpec[] = [],
): Promise<SessionResult> {
  const samples = demoLatheSamples(seed, faults);
  const sessionId = await sessions.start(machineId, DEMO_SAMPLE_RATE_HZ);
  const chunk = Math.round(SESSION_CHUNK_SECONDS * DEMO_SAMPLE_RATE_HZ);
  for (let start = 0; start < samples.length; start += chunk) {
    await sessions.append(sessionId, samples.slice(start, start + chunk).buffer);
  }
  return sessions.stop(sessionId);
}
