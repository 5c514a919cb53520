/**
 * The upload half of the hub benchmark: simulated desktops, each signed in with a device token
 * as a technician of its plant with a machine of its own, all uploading at once through the
 * chunked import the page uses (renderer/features/recordings/chunkedImport.ts). A desktop sends
 * its recordings one after another, as an outbox does. The hub holds at most MAX_OPEN_IMPORTS
 * imports open (node/api/imports.ts); a desktop refused for that waits and tries again, and the
 * refusals are counted.
 */
import type { MachineDetail } from '../../shared/api/contract.ts';
import { encodeWav } from '../../shared/audio/wavEncoder.ts';
import { simulateMachine } from '../../shared/simulation/machineSim.ts';
import { importInChunks } from '../../renderer/features/recordings/chunkedImport.ts';
import type { ImportCalls } from '../../renderer/features/recordings/chunkedImport.ts';
import { isTooManyImports } from './client.ts';
import type { HubClient } from './client.ts';
import { MB, msSummary, percentile } from './stats.ts';

export const UPLOAD_SAMPLE_RATE_HZ = 16000;
export const UPLOAD_DURATION_SECONDS = 60;

/** One minute of the simulated lathe, 16 kHz 16-bit mono: made once, sent by every desktop. */
export function simulatedRecording(): Uint8Array {
  const samples = simulateMachine({
    sampleRateHz: UPLOAD_SAMPLE_RATE_HZ,
    durationSeconds: UPLOAD_DURATION_SECONDS,
    seed: 1,
  });
  return encodeWav([samples], UPLOAD_SAMPLE_RATE_HZ);
}

export interface UploadPlan {
  readonly desktops: readonly HubClient[];
  readonly recordingsPerDesktop: number;
  readonly wav: Uint8Array;
  readonly chunkBytes: number;
}

function importCalls(client: HubClient): ImportCalls {
  return {
    beginImport: (machineId, fileName, sizeBytes) =>
      client.call('recordings.beginImport', [machineId, fileName, sizeBytes]) as Promise<string>,
    appendImport: (importId, chunk) =>
      client.call('recordings.appendImport', [importId, chunk]) as Promise<number>,
    finishImport: (importId) =>
      client.call('recordings.finishImport', [importId]) as ReturnType<ImportCalls['finishImport']>,
    cancelImport: (importId) => client.call('recordings.cancelImport', [importId]) as Promise<void>,
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Uploads one desktop's recordings; resolves to its machine id and the refusals it met. */
async function runDesktop(client: HubClient, index: number, plan: UploadPlan) {
  const profile = { id: `bench-desktop-${index}`, name: `Desktop ${index}`, lineFrequencyHz: 50 };
  const machine = (await client.call('machines.create', [profile])) as MachineDetail;
  const calls = importCalls(client);
  const blob = new Blob([plan.wav as Uint8Array<ArrayBuffer>]);
  let refusals = 0;
  const uploadMs: number[] = [];
  for (let n = 0; n < plan.recordingsPerDesktop; n++) {
    const file = {
      name: `desktop-${index}-${n}.wav`,
      size: blob.size,
      slice: (start: number, end: number) => blob.slice(start, end),
    };
    const start = performance.now();
    for (;;) {
      try {
        await importInChunks(calls, machine.id, file, () => undefined, plan.chunkBytes);
        break;
      } catch (error) {
        if (!isTooManyImports(error)) throw error;
        refusals++;
        await pause(100 + Math.random() * 200);
      }
    }
    uploadMs.push(performance.now() - start);
  }
  return { machineId: machine.id, refusals, uploadMs };
}

/** Runs every desktop at once and prints the figures; resolves to the desktops' machine ids. */
export async function runUploads(plan: UploadPlan): Promise<string[]> {
  const firstCall = plan.desktops.map((client) => client.calls.length);
  const start = performance.now();
  const results = await Promise.all(plan.desktops.map((c, i) => runDesktop(c, i, plan)));
  const seconds = (performance.now() - start) / 1000;
  const count = plan.desktops.length * plan.recordingsPerDesktop;
  const bytes = count * plan.wav.byteLength;
  const timed = plan.desktops.flatMap((client, i) => client.calls.slice(firstCall[i]));
  const of = (method: string) => timed.filter((c) => c.method === method).map((c) => c.ms);
  const uploadMs = results.flatMap((r) => r.uploadMs);
  console.log(
    `Uploaded ${count} recordings of ${(plan.wav.byteLength / MB).toFixed(2)} MB ` +
      `(${plan.desktops.length} desktops × ${plan.recordingsPerDesktop}, chunks of ` +
      `${(plan.chunkBytes / 2 ** 20).toFixed(2)} MiB) in ${seconds.toFixed(1)} s: ` +
      `${(count / seconds).toFixed(2)} recordings/s, ${(bytes / MB / seconds).toFixed(1)} MB/s`,
  );
  console.log(`  appendImport (chunk):  ${msSummary(of('recordings.appendImport'))}`);
  console.log(`  beginImport:           ${msSummary(of('recordings.beginImport'))}`);
  console.log(`  finishImport:          ${msSummary(of('recordings.finishImport'))}`);
  console.log(
    `  one recording, begin to finish (with waits): p50 ${(percentile(uploadMs, 0.5) / 1000).toFixed(1)} s, ` +
      `p95 ${(percentile(uploadMs, 0.95) / 1000).toFixed(1)} s; refused for too many open ` +
      `imports ${results.reduce((sum, r) => sum + r.refusals, 0)} times`,
  );
  return results.map((r) => r.machineId);
}
