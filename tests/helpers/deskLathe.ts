/**
 * A lathe of the demo's profile made through a desktop host's HTTP API, with a baseline built
 * from simulated healthy recordings: unlike the demo machine (never synced, docs/sync.md), it
 * goes up to a linked hub, so live listening from the desktop can name it there.
 */
import { randomUUID } from 'node:crypto';
import type { AuscultApi } from '../../shared/api/contract.ts';
import { encodeWav } from '../../shared/audio/wavEncoder.ts';
import { parseMachineProfile } from '../../shared/diagnosis/profile.ts';
import { simulateMachine } from '../../shared/simulation/machineSim.ts';
import { DEMO_PROFILE_JSON } from '../../node/workflows/demo.ts';
import { createHttpApi } from '../../renderer/api/httpApi.ts';

const SAMPLE_RATE_HZ = 48_000;
const HEALTHY_SECONDS = 4;
const HEALTHY_SEEDS = [1, 2, 3, 4];

/** The page's own HTTP client on the host at `origin` (`http://address:port`). */
export const hostApi = (origin: string): AuscultApi => createHttpApi({ origin });

async function importWav(api: AuscultApi, machineId: string, name: string, bytes: Uint8Array) {
  const importId = await api.recordings.beginImport(machineId, name, bytes.length);
  await api.recordings.appendImport(importId, new Uint8Array(bytes).buffer);
  return (await api.recordings.finishImport(importId)).id;
}

/** Makes the lathe `name` and its baseline on the host at `origin`; resolves with its id. */
export async function createLatheWithBaseline(origin: string, name: string): Promise<string> {
  const api = hostApi(origin);
  const profile = { ...DEMO_PROFILE_JSON, id: randomUUID(), name };
  const machine = await api.machines.create(profile);
  const parsed = parseMachineProfile(profile);
  const recordingIds: string[] = [];
  for (const seed of HEALTHY_SEEDS) {
    const samples = simulateMachine({
      profile: parsed,
      sampleRateHz: SAMPLE_RATE_HZ,
      durationSeconds: HEALTHY_SECONDS,
      seed,
    });
    const wav = encodeWav([samples], SAMPLE_RATE_HZ);
    recordingIds.push(await importWav(api, machine.id, `healthy-${seed}.wav`, wav));
  }
  const jobId = await api.baselines.build(machine.id, recordingIds);
  for (;;) {
    const job = await api.baselines.job(jobId);
    if (job.state === 'done') return machine.id;
    if (job.state !== 'running') throw new Error(`the baseline failed: ${JSON.stringify(job)}`);
    await new Promise((wake) => setTimeout(wake, 200));
  }
}
