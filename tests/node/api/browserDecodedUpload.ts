/**
 * Imports an AAC fixture the way the page does (recordings.beginImport with browserDecoded): its
 * WAV, then the M4A. Node has no AAC decoder, so the WAV is the fixture's own source signal (the
 * simulator makes it again), as a browser's decoding of the fixture would give.
 */
import type { RecordingSummary } from '../../../shared/api/contract.ts';
import { encodeWav } from '../../../shared/audio/wavEncoder.ts';
import { simulateMachine } from '../../../shared/simulation/machineSim.ts';
import { fixtureSimulation } from '../../fixtures/codecs/sources.ts';
import type { FixtureKind } from '../../fixtures/codecs/sources.ts';
import { arrayBufferOf } from '../library/libraryFixtures.ts';
import type { ApiFixture } from './apiFixtures.ts';

/** What the page would send for `<kind>.m4a`: its sound as a float32 WAV at `rateHz`. */
export const sourceWav = (kind: FixtureKind, rateHz = 44_100) =>
  encodeWav([simulateMachine(fixtureSimulation(kind, rateHz))], rateHz, { encoding: 'float32' });

export const joined = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

/** Sends `bytes` in 64 KiB chunks, saying its first `wavBytes` are the WAV (none: as it is). */
export async function uploadBrowserDecoded(
  call: ApiFixture['call'],
  machineId: string,
  name: string,
  bytes: Uint8Array,
  wavBytes: number | undefined,
): Promise<RecordingSummary> {
  const browserDecoded = wavBytes === undefined ? undefined : { wavBytes };
  const importId = (await call(
    'recordings.beginImport',
    machineId,
    name,
    bytes.length,
    browserDecoded,
  )) as string;
  for (let at = 0; at < bytes.length; at += 65_536) {
    await call('recordings.appendImport', importId, arrayBufferOf(bytes.subarray(at, at + 65_536)));
  }
  return (await call('recordings.finishImport', importId)) as RecordingSummary;
}
