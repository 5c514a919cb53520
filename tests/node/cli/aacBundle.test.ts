/**
 * A review bundle holding an M4A recording on the command line, between two real libraries: the
 * technician's M4A imported as the page imports it (its WAV, then the file), a baseline and a
 * diagnosis; `bundle pack` carries the WAV beside the M4A, `bundle check` says so, `bundle open`
 * makes it a review in the expert's library (the recording analyses there, the M4A kept byte for
 * byte, AAC reported, the diagnosis present), and `bundle unpack` gives both files.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImportRegistry } from '../../../node/api/imports.ts';
import { openLibrary } from '../../../node/library/library.ts';
import { buildMachineBaseline } from '../../../node/workflows/baselineBuild.ts';
import { diagnoseRecording } from '../../../node/workflows/diagnose.ts';
import { inlineFeatureSource } from '../../../node/workflows/features.ts';
import type { RecordingSummary, StoredDiagnosis } from '../../../shared/api/contract.ts';
import { simLatheProfile } from '../../../shared/simulation/profiles.ts';
import { fixture } from '../audio/decoders/hostileFiles.ts';
import { joined, sourceWav } from '../api/browserDecodedUpload.ts';
import { arrayBufferOf } from '../library/libraryFixtures.ts';
import { auscult, emptyLibrary, removeFolder, reviewFolders } from './cliFixture.ts';

let folder: string;
let technician: string;
let expert: string;
let faulty: RecordingSummary;
let diagnosis: StoredDiagnosis;
const run = (...args: string[]) => auscult(folder, ...args);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const m4a = fixture('faulty.m4a');

async function seedTechnician(): Promise<void> {
  const library = await openLibrary(technician, { demo: false });
  const imports = createImportRegistry(library);
  try {
    const machineId = await library.store.machines.insert(simLatheProfile);
    const importAac = async (kind: 'healthy' | 'faulty') => {
      const wav = sourceWav(kind);
      const bytes = joined(wav, fixture(`${kind}.m4a`));
      const id = await imports.begin(machineId, `${kind}.m4a`, bytes.length, {
        wavBytes: wav.length,
      });
      await imports.append(id, arrayBufferOf(bytes));
      return imports.finish(id);
    };
    const healthy = await importAac('healthy');
    await buildMachineBaseline(library, machineId, [healthy], inlineFeatureSource);
    faulty = await importAac('faulty');
    diagnosis = await diagnoseRecording(library, faulty, inlineFeatureSource);
  } finally {
    await imports.close();
    await library.close();
  }
}

beforeAll(async () => {
  ({ folder, technician, expert } = await reviewFolders('auscult-aac-bundle-'));
  await seedTechnician();
  await emptyLibrary(expert);
}, 120_000);
afterAll(async () => {
  await removeFolder(folder);
});

describe('a bundle of an M4A recording on the command line', () => {
  const bundle = () => join(folder, 'memo.auscult');

  it('packs the M4A with its WAV beside it, and check says so', async () => {
    const packed = await run(
      ...['bundle', 'pack', '--home', technician, '--recording', faulty.id],
      ...['--sender', 'Li Wei', '--out', bundle()],
    );
    expect(packed.stderr).toBe('');
    expect(packed.status).toBe(0);
    const checked = await run('bundle', 'check', bundle());
    expect(checked.stdout).toContain(`"faulty.m4a"  m4a, AAC`);
    expect(checked.stdout).toContain(`decoded WAV ${faulty.sizeBytes} bytes`);
    expect(checked.stdout).toContain('All 3 files match');
  });

  it('opens as a review that analyses, with the M4A, AAC and the diagnosis', async () => {
    const opened = await run('bundle', 'open', '--home', expert, bundle());
    expect(opened.stderr).toBe('');
    expect(opened.stdout).toMatch(/^Opened the review of ".+" from Li Wei \(1 recording\(s\)\)/);
    const library = await openLibrary(expert, { demo: false });
    try {
      const recording = await library.store.recordings.get(faulty.id);
      expect(recording.codec).toEqual(faulty.codec);
      expect(recording.original).toEqual({ format: 'm4a', sizeBytes: m4a.length });
      const key = await library.store.recordings.originalAudioKey(faulty.id);
      expect(sha256(await readFile(await library.audio.localPath(key!)))).toBe(sha256(m4a));
      const stored = await library.store.diagnoses.list(faulty.id);
      expect(stored.map((d) => d.id)).toEqual([diagnosis.id]);
      const again = await diagnoseRecording(library, faulty.id, inlineFeatureSource);
      expect(again.report.causes[0]?.id).toBe(diagnosis.report.causes[0]?.id);
      expect(again.report.causes[0]?.id).toBe('gear-wear');
    } finally {
      await library.close();
    }
  });

  it('unpacks the M4A byte for byte and the WAV beside it', async () => {
    const target = join(folder, 'unpacked');
    const unpacked = await run('bundle', 'unpack', bundle(), '--to', target);
    expect(unpacked.stderr).toBe('');
    const original = await readFile(join(target, 'recordings', `${faulty.id}.m4a`));
    expect(sha256(original)).toBe(sha256(m4a));
    const wav = await readFile(join(target, 'recordings', `${faulty.id}.wav`));
    expect(sha256(wav)).toBe(sha256(sourceWav('faulty')));
  });
});
