/**
 * A lathe of the demo's profile made through a desktop host's HTTP API, with a baseline built
 * from simulated healthy recordings: unlike the demo machine (never synced, docs/sync.md), it
 * goes up to a linked hub, so live listening from the desktop can name it there.
 */
import { randomUUID } from 'node:crypto';
import type { ApiMethod } from '../../shared/api/methods.ts';
import {
  apiPath,
  ARGS_HEADER,
  BINARY_CONTENT_TYPE,
  encodeArgsHeader,
  JSON_CONTENT_TYPE,
} from '../../shared/api/httpProtocol.ts';
import { encodeWav } from '../../shared/audio/wavEncoder.ts';
import { parseMachineProfile } from '../../shared/diagnosis/profile.ts';
import { simulateMachine } from '../../shared/simulation/machineSim.ts';
import { DEMO_PROFILE_JSON } from '../../node/workflows/demo.ts';

const SAMPLE_RATE_HZ = 48_000;
const HEALTHY_SECONDS = 4;
const HEALTHY_SEEDS = [1, 2, 3, 4];

/** One API call on the host at `origin` (`http://address:port`); rejects on an error answer. */
export async function callHost(
  origin: string,
  method: ApiMethod,
  args: unknown[],
): Promise<unknown> {
  const response = await fetch(origin + apiPath(method), {
    method: 'POST',
    headers: { 'Content-Type': JSON_CONTENT_TYPE },
    body: JSON.stringify({ args }),
  });
  const body = (await response.json()) as { result?: unknown; error?: unknown };
  if (!response.ok) throw new Error(`${method}: ${response.status} ${JSON.stringify(body.error)}`);
  return body.result;
}

async function importWav(origin: string, machineId: string, name: string, bytes: Uint8Array) {
  const importId = await callHost(origin, 'recordings.beginImport', [
    machineId,
    name,
    bytes.length,
  ]);
  const appended = await fetch(origin + apiPath('recordings.appendImport'), {
    method: 'POST',
    headers: { 'Content-Type': BINARY_CONTENT_TYPE, [ARGS_HEADER]: encodeArgsHeader([importId]) },
    body: new Uint8Array(bytes),
  });
  if (!appended.ok) throw new Error(`appendImport: ${appended.status}`);
  const summary = (await callHost(origin, 'recordings.finishImport', [importId])) as { id: string };
  return summary.id;
}

/** Makes the lathe `name` and its baseline on the host at `origin`; resolves with its id. */
export async function createLatheWithBaseline(origin: string, name: string): Promise<string> {
  const profile = { ...DEMO_PROFILE_JSON, id: randomUUID(), name };
  const machine = (await callHost(origin, 'machines.create', [profile])) as { id: string };
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
    recordingIds.push(await importWav(origin, machine.id, `healthy-${seed}.wav`, wav));
  }
  const jobId = await callHost(origin, 'baselines.build', [machine.id, recordingIds]);
  for (;;) {
    const job = (await callHost(origin, 'baselines.job', [jobId])) as { state: string };
    if (job.state === 'done') return machine.id;
    if (job.state !== 'running') throw new Error(`the baseline failed: ${JSON.stringify(job)}`);
    await new Promise((wake) => setTimeout(wake, 200));
  }
}
