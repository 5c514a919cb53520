/**
 * Hostile review bundles opened in a library: each refused, leaving no row, no audio and no
 * staging file behind, even when refused after its audio entered the audio store.
 */
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReviewBundle } from '../../../node/bundle/openReview.ts';
import { openBundle } from '../../../node/bundle/reader.ts';
import type { Library } from '../../../node/library/library.ts';
import type { StoredDiagnosis } from '../../../shared/api/contract.ts';
import { rowCount } from '../library/libraryFixtures.ts';
import { fixture } from '../audio/decoders/hostileEdits.ts';
import { manifestOnly, openDiagnosedDemo, replyManifest } from './replyFixtures.ts';
import { goodEntries, json, manifestFor, recordingBytes, sha256, zip } from './zipBuilder.ts';

let folder: { path: string; remove(): Promise<void> };
let library: Library;
let diagnosis: StoredDiagnosis;

beforeAll(async () => {
  ({ folder, library, diagnosis } = await openDiagnosedDemo('auscult-hostile-reviews-'));
}, 120_000);
afterAll(async () => {
  await library.close();
  await folder.remove();
});

const audio = recordingBytes(4000, 3);

/** A manifest as JSON to spoil. */
type Mutable = Record<string, unknown> & {
  recordings: { diagnoses: unknown[] }[];
  machine: unknown;
  baseline: unknown;
};

describe('hostile reviews opened in a library', () => {
  const profile = { id: 'their-lathe', name: 'Their lathe', lineFrequencyHz: 50 };
  const reviewManifest = (files: Record<string, Uint8Array>, change: (m: Mutable) => void) => {
    const manifest = manifestFor(files) as Mutable;
    manifest.machine = { id: 'their-lathe', profile };
    change(manifest);
    return manifest;
  };
  const cases: [string, () => Buffer, RegExp][] = [
    [
      'a recording that is not audio',
      () =>
        zip(
          goodEntries(
            { 'recordings/r1.wav': audio },
            reviewManifest({ 'recordings/r1.wav': audio }, () => undefined),
          ),
        ),
      /r1|recording/,
    ],
    [
      'a diagnosis without a report',
      () => {
        const files = { 'recordings/r1.wav': audio };
        const manifest = reviewManifest(files, (m) => {
          m.recordings[0].diagnoses = [
            { id: 'd1', createdAt: '2026-03-01T00:00:00.000Z', report: {} },
          ];
        });
        return zip(goodEntries(files, manifest));
      },
      /diagnoses\[0\]\.report/,
    ],
    [
      'a baseline that is not one',
      () => {
        const files = { 'recordings/r1.wav': audio };
        return zip(
          goodEntries(
            files,
            reviewManifest(files, (m) => (m.baseline = { model: 1 })),
          ),
        );
      },
      /baseline/,
    ],
    [
      'a reply opened as a review',
      () => manifestOnly(replyManifest(diagnosis)),
      /not a review bundle/,
    ],
    [
      // Refused inside the rows' transaction, after the MP3 and its decoded WAV entered the
      // audio store: both objects must leave it again.
      'a compressed recording with a diagnosis id this library already holds',
      () => {
        const mp3 = Buffer.from(fixture('faulty.mp3'));
        const entry = { path: 'recordings/r1.mp3', sizeBytes: mp3.length, sha256: sha256(mp3) };
        const manifest = reviewManifest({}, (m: Record<string, unknown>) => {
          m.entries = [entry];
          m.recordings = [
            {
              id: 'r1',
              name: 'memo.mp3',
              createdAt: '2026-03-01T00:00:00.000Z',
              durationSeconds: 2,
              file: entry.path,
              sizeBytes: entry.sizeBytes,
              sha256: entry.sha256,
              format: 'mp3',
              codec: null,
              diagnoses: [
                { id: diagnosis.id, createdAt: diagnosis.createdAt, report: diagnosis.report },
              ],
              notes: [],
            },
          ];
        });
        return zip([
          { name: 'manifest.json', data: json(manifest) },
          { name: entry.path, data: mp3 },
        ]);
      },
      /UNIQUE constraint failed: diagnoses\.id/,
    ],
  ];
  it.each(cases)('refuses %s, leaving nothing', async (_title, bytes, message) => {
    const path = join(folder.path, `review-${_title.replace(/\W+/g, '-')}.auscult`);
    await writeFile(path, bytes());
    const tables = ['machines', 'recordings', 'diagnoses', 'baselines', 'reviews'];
    const before = tables.map((table) => rowCount(library, table));
    const audioBefore = (await readdir(library.captureFolder)).length;
    await expect(
      (async () => openReviewBundle(library, await openBundle(path), 'x.auscult'))(),
    ).rejects.toThrow(message);
    expect(tables.map((table) => rowCount(library, table))).toEqual(before);
    expect(await readdir(library.stagingFolder)).toEqual([]);
    expect((await readdir(library.captureFolder)).length).toBe(audioBefore);
  });
});
