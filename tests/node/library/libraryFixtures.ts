/**
 * Shared by the library and API tests: temporary library folders, simulated WAV bytes, and a
 * look at what a library folder holds.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeWav } from '../../../shared/audio/wavEncoder.ts';
import type { WavSampleEncoding } from '../../../shared/audio/sampleEncoding.ts';
import type { FaultSpec } from '../../../shared/simulation/faults.ts';
import { simulateMachine } from '../../../shared/simulation/machineSim.ts';
import type { Library } from '../../../node/library/library.ts';

/** A fresh empty folder under the OS temp folder; `remove` deletes it. */
export async function temporaryFolder(
  prefix = 'auscult-library-',
): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export interface SimWavOptions {
  readonly seed: number;
  readonly durationSeconds?: number;
  readonly sampleRateHz?: number;
  readonly faults?: readonly FaultSpec[];
  readonly encoding?: WavSampleEncoding;
}

/** WAV bytes of the simulated lathe (default 2 s at 16 kHz, pcm16). */
export function simWav(options: SimWavOptions): Uint8Array {
  const sampleRateHz = options.sampleRateHz ?? 16000;
  const samples = simulateMachine({
    sampleRateHz,
    durationSeconds: options.durationSeconds ?? 2,
    seed: options.seed,
    faults: options.faults,
  });
  return encodeWav([samples], sampleRateHz, { encoding: options.encoding });
}

export async function sha256(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}

/** File names in the library's recordings/ and tmp/ folders, sorted. */
export async function libraryFiles(
  library: Library,
): Promise<{ recordings: string[]; tmp: string[] }> {
  return {
    recordings: (await readdir(library.captureFolder)).sort(),
    tmp: (await readdir(library.stagingFolder)).sort(),
  };
}

export function rowCount(library: Library, table: string): number {
  const row = library.store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get();
  return Number(row?.n);
}

/** The ArrayBuffer holding exactly `bytes`. */
export function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer;
}
