/**
 * Hostile reply bundles (shared/bundle/reply.ts), each refused with its reason by the reader or
 * when applied to a real library, writing no verdict; and hostile review bundles opened in a
 * library, which leave no row, no audio and no staging file behind.
 */
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReviewBundle } from '../../../node/bundle/openReview.ts';
import { openBundle } from '../../../node/bundle/reader.ts';
import { applyReply } from '../../../node/bundle/reply.ts';
import { openLibrary } from '../../../node/library/library.ts';
import type { Library } from '../../../node/library/library.ts';
import type { StoredDiagnosis } from '../../../shared/api/contract.ts';
import { rowCount, temporaryFolder } from '../library/libraryFixtures.ts';
import { fixture } from '../audio/decoders/hostileEdits.ts';
import { refusal } from './hostileBuilders.ts';
import type { HostileCase } from './hostileBuilders.ts';
import { goodEntries, json, manifestFor, recordingBytes, sha256, zip } from './zipBuilder.ts';

let folder: { path: string; remove(): Promise<void> };
let library: Library;
let diagnosis: StoredDiagnosis;
let topCause: string;

beforeAll(async () => {
  folder = await temporaryFolder('auscult-hostile-replies-');
  library = await openLibrary(join(folder.path, 'library'));
  const [demo] = await library.store.machines.list();
  const recordings = await library.store.recordings.list(demo.id);
  const diagnosed = [];
  for (const recording of recordings)
    diagnosed.push(...(await library.store.diagnoses.list(recording.id)));
  diagnosis = diagnosed.find((d) => d.report.causes.length > 0)!;
  topCause = diagnosis.report.causes[0].id;
}, 120_000);
afterAll(async () => {
  await library.close();
  await folder.remove();
});

function verdict(overrides: Record<string, unknown> = {}) {
  return {
    id: 'v-1',
    diagnosisId: diagnosis.id,
    decision: 'correct',
    causeId: topCause === 'misalignment' ? 'looseness' : 'misalignment',
    otherCause: '',
    automaticCauseId: topCause,
    componentId: null,
    severity: 'moderate',
    action: 'Realign.',
    comment: '',
    expertName: 'Dr Wen',
    createdAt: '2026-03-03T10:00:00.000Z',
    ...overrides,
  };
}

function reply(overrides: Record<string, unknown> = {}) {
  return {
    format: 'auscult-bundle',
    version: 1,
    kind: 'reply',
    createdAt: '2026-03-03T10:05:00.000Z',
    sender: { name: 'Dr Wen' },
    verdicts: [verdict()],
    entries: [],
    ...overrides,
  };
}

const audio = recordingBytes(4000, 3);

const only = (manifest: unknown) => zip([{ name: 'manifest.json', data: json(manifest) }]);

const HOSTILE_REPLIES: readonly HostileCase[] = [
  {
    title: 'a verdict for a diagnosis this library does not hold',
    code: 'reply-unknown-diagnosis',
    bytes: () => only(reply({ verdicts: [verdict({ diagnosisId: 'not-here' })] })),
  },
  {
    title: 'one good verdict and one for an unknown diagnosis',
    code: 'reply-unknown-diagnosis',
    bytes: () =>
      only(reply({ verdicts: [verdict(), verdict({ id: 'v-2', diagnosisId: 'not-here' })] })),
  },
  {
    title: 'a verdict with an unknown decision',
    code: 'invalid-manifest',
    bytes: () => only(reply({ verdicts: [verdict({ decision: 'maybe' })] })),
  },
  {
    title: 'a correction that names no cause',
    code: 'invalid-manifest',
    bytes: () => only(reply({ verdicts: [verdict({ causeId: null })] })),
  },
  {
    title: "'other' without words",
    code: 'invalid-manifest',
    bytes: () => only(reply({ verdicts: [verdict({ causeId: 'other', otherCause: '' })] })),
  },
  {
    title: 'a verdict with a field the format does not have',
    code: 'invalid-manifest',
    bytes: () => only(reply({ verdicts: [verdict({ machineId: 'x' })] })),
  },
  {
    title: 'a verdict without an expert',
    code: 'invalid-manifest',
    bytes: () => only(reply({ verdicts: [verdict({ expertName: '   ' })] })),
  },
  {
    title: 'a verdict id that is a path',
    code: 'invalid-manifest',
    bytes: () => only(reply({ verdicts: [verdict({ id: '../../etc' })] })),
  },
  {
    title: 'the same verdict id twice',
    code: 'invalid-manifest',
    bytes: () => only(reply({ verdicts: [verdict(), verdict({ diagnosisId: 'other' })] })),
  },
  {
    title: 'no verdicts',
    code: 'invalid-manifest',
    bytes: () => only(reply({ verdicts: [] })),
  },
  {
    title: "a confirmation of a cause that is not the diagnosis' own",
    code: 'invalid-manifest',
    bytes: () =>
      only(
        reply({
          verdicts: [
            verdict({
              decision: 'confirm',
              causeId: topCause === 'looseness' ? 'misalignment' : 'looseness',
            }),
          ],
        }),
      ),
  },
  {
    title: 'a reply with an audio entry it lists',
    code: 'reply-with-files',
    bytes: () =>
      zip([
        {
          name: 'manifest.json',
          data: json(
            reply({
              entries: [
                { path: 'recordings/r1.wav', sizeBytes: audio.length, sha256: sha256(audio) },
              ],
            }),
          ),
        },
        { name: 'recordings/r1.wav', data: audio },
      ]),
  },
  {
    title: 'a reply with an audio entry it does not list',
    code: 'reply-with-files',
    bytes: () =>
      zip([
        { name: 'manifest.json', data: json(reply()) },
        { name: 'recordings/r1.wav', data: audio },
      ]),
  },
  {
    title: 'a reply whose manifest lists a file with a lying hash and no such entry',
    code: 'reply-with-files',
    bytes: () =>
      only(
        reply({ entries: [{ path: 'recordings/r1.wav', sizeBytes: 10, sha256: '0'.repeat(64) }] }),
      ),
  },
  {
    title: 'a reply whose manifest lies about its checksum',
    code: 'crc-mismatch',
    bytes: () => zip([{ name: 'manifest.json', data: json(reply()), crc32: 1234 }]),
  },
  {
    title: 'an unknown kind',
    code: 'unknown-kind',
    bytes: () => only(reply({ kind: 'verdicts' })),
  },
  {
    title: 'a kind that is not a string',
    code: 'unknown-kind',
    bytes: () => only(reply({ kind: 7 })),
  },
  {
    title: 'a reply of a newer version',
    code: 'unknown-version',
    bytes: () => only(reply({ version: 2 })),
  },
  {
    title: 'a review bundle opened as a reply',
    code: 'not-a-reply',
    bytes: () => zip(goodEntries({ 'recordings/r1.wav': audio })),
  },
];

it('has at least 5 hostile replies', () => {
  expect(HOSTILE_REPLIES.length).toBeGreaterThanOrEqual(5);
});

describe('hostile replies', () => {
  it.each(HOSTILE_REPLIES.map((c, index) => [c.title, c, index] as const))(
    'refuses %s',
    async (_title, hostile, index) => {
      const path = join(folder.path, `reply-${index}.auscult`);
      await writeFile(path, hostile.bytes());
      const before = rowCount(library, 'expert_verdicts');
      const error = await refusal(async () => applyReply(library.store, await openBundle(path)));
      expect(error.code).toBe(hostile.code);
      expect(error.message).toMatch(/^[^\n]+\.$/);
      expect(rowCount(library, 'expert_verdicts')).toBe(before);
    },
  );

  it('applies the good reply once', async () => {
    const path = join(folder.path, 'good-reply.auscult');
    await writeFile(path, only(reply()));
    const first = await applyReply(library.store, await openBundle(path));
    expect(first.written.map((v) => v.id)).toEqual(['v-1']);
    const second = await applyReply(library.store, await openBundle(path));
    expect(second).toMatchObject({ written: [], alreadyHeld: 1 });
  });
});

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
    ['a reply opened as a review', () => only(reply()), /not a review bundle/],
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
