/**
 * A review bundle whose recording came from an M4A (AAC) file, which no host can decode: the
 * technician's library (the M4A imported the way the page does it, its diagnosis stored) packs
 * the library's WAV beside the original, and the expert's library opens it through the API. The
 * recording plays and analyses there, its original is the M4A byte for byte, its codec AAC, its
 * diagnosis present. A bundle written before the WAV travelled is refused as it always was.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBundle } from '../../../node/bundle/reader.ts';
import { ApiError } from '../../../shared/api/contract.ts';
import type { RecordingSummary, StoredDiagnosis } from '../../../shared/api/contract.ts';
import type { BundleManifest } from '../../../shared/bundle/manifest.ts';
import { simLatheProfile } from '../../../shared/simulation/profiles.ts';
import { fixture } from '../audio/decoders/hostileFiles.ts';
import { goodEntries, zip } from '../bundle/zipBuilder.ts';
import { libraryFiles, rowCount } from '../library/libraryFixtures.ts';
import { openApiFixture, pollJob } from './apiFixtures.ts';
import { openThroughApi, packThroughApi } from './bundleTransfer.ts';
import type { ApiFixture } from './apiFixtures.ts';
import { joined, sourceWav, uploadBrowserDecoded } from './browserDecodedUpload.ts';

let technician: ApiFixture;
let expert: ApiFixture;
let faulty: RecordingSummary;
let diagnosis: StoredDiagnosis;
const m4a = fixture('faulty.m4a');
const wav = sourceWav('faulty');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function importAac(machineId: string, kind: 'healthy' | 'faulty') {
  const decoded = sourceWav(kind);
  const bytes = joined(decoded, fixture(`${kind}.m4a`));
  return uploadBrowserDecoded(technician.call, machineId, `${kind}.m4a`, bytes, decoded.length);
}

beforeAll(async () => {
  [technician, expert] = await Promise.all([openApiFixture(), openApiFixture()]);
  const machineId = await technician.library.store.machines.insert(simLatheProfile);
  const healthy = await importAac(machineId, 'healthy');
  await pollJob(
    technician.call,
    (await technician.call('baselines.build', machineId, [healthy.id])) as string,
  );
  faulty = await importAac(machineId, 'faulty');
  diagnosis = (await technician.call('diagnoses.run', faulty.id)) as StoredDiagnosis;
}, 120_000);
afterAll(async () => {
  await Promise.all([technician?.close(), expert?.close()]);
});

const pack = packThroughApi;
const open = openThroughApi;

describe('a review bundle holding an M4A recording', () => {
  let packed: { path: string; bytes: Uint8Array };

  it('carries the M4A byte for byte and the library’s WAV beside it, as version 2', async () => {
    expect(diagnosis.report.causes[0]?.id).toBe('gear-wear');
    packed = await pack(technician, [faulty.id]);
    const { manifest, entries } = await openBundle(packed.path);
    const [recording] = (manifest as BundleManifest).recordings;
    expect(manifest.version).toBe(2);
    expect(recording).toMatchObject({
      file: `recordings/${faulty.id}.m4a`,
      sizeBytes: m4a.length,
      sha256: sha256(m4a),
      format: 'm4a',
      decoded: { file: `recordings/${faulty.id}.wav`, sizeBytes: wav.length, sha256: sha256(wav) },
    });
    expect(entries.map((entry) => entry.name)).toEqual([
      'manifest.json',
      `recordings/${faulty.id}.m4a`,
      `recordings/${faulty.id}.wav`,
    ]);
  });

  it('opens in another library: plays, analyses, the M4A kept, codec AAC, diagnosis there', async () => {
    expect(await open(expert, packed.bytes)).toMatchObject({ kind: 'review', created: true });
    const [opened] = (await expert.call('recordings.list', faulty.machineId)) as RecordingSummary[];
    expect(opened).toMatchObject({ id: faulty.id, sampleRateHz: 44_100, durationSeconds: 4 });
    expect(opened.codec).toEqual(faulty.codec);
    expect(opened.codec?.code).toBe('aac');
    expect(opened.original).toEqual({ format: 'm4a', sizeBytes: m4a.length });
    const key = await expert.library.store.recordings.originalAudioKey(faulty.id);
    expect(sha256(await readFile(await expert.library.audio.localPath(key!)))).toBe(sha256(m4a));
    const audio = new Uint8Array((await expert.call('recordings.audio', faulty.id)) as ArrayBuffer);
    expect(sha256(audio)).toBe(sha256(wav));
    const stored = (await expert.call('diagnoses.list', faulty.id)) as StoredDiagnosis[];
    expect(stored.map((d) => d.id)).toEqual([diagnosis.id]);
    const again = (await expert.call('diagnoses.run', faulty.id)) as StoredDiagnosis;
    expect(again.report.causes[0]?.id).toBe('gear-wear');
    expect(await libraryFiles(expert.library)).toMatchObject({ tmp: [] });
  });

  it('still packs a bundle without AAC as version 1', async () => {
    const plain = await technician.importWav(faulty.machineId, 'plain.wav', wav);
    const { manifest } = await openBundle((await pack(technician, [plain.id])).path);
    expect(manifest.version).toBe(1);
    expect((manifest as BundleManifest).recordings[0].decoded).toBeUndefined();
  });

  it('refuses, as before, a version 1 bundle with the M4A alone, leaving nothing', async () => {
    const fresh = await openApiFixture();
    try {
      const { manifest } = await openBundle(packed.path);
      const [recording] = (manifest as BundleManifest).recordings;
      const withoutWav = { ...recording, decoded: undefined };
      const old = { ...manifest, version: 1, recordings: [withoutWav] };
      old.entries = old.entries.filter((entry) => entry.path === recording.file);
      const bytes = zip(goodEntries({ [recording.file]: m4a }, old));
      const error = await open(fresh, bytes).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).message).toMatch(/AAC/);
      expect(rowCount(fresh.library, 'recordings')).toBe(0);
      expect(rowCount(fresh.library, 'reviews')).toBe(0);
      expect(await libraryFiles(fresh.library)).toEqual({ recordings: [], tmp: [] });
    } finally {
      await fresh.close();
    }
  });
});
