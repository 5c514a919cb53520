/**
 * Hostile reply bundles (shared/bundle/reply.ts), each refused with its reason by the reader or
 * when applied to a real library, writing no verdict (hostile reviews opened in a library:
 * hostileReviewOpen.test.ts).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBundle } from '../../../node/bundle/reader.ts';
import { applyReply } from '../../../node/bundle/reply.ts';
import type { Library } from '../../../node/library/library.ts';
import type { StoredDiagnosis } from '../../../shared/api/contract.ts';
import { rowCount } from '../library/libraryFixtures.ts';
import { refusal } from './hostileBuilders.ts';
import type { HostileCase } from './hostileBuilders.ts';
import { expertVerdict, manifestOnly, openDiagnosedDemo, replyManifest } from './replyFixtures.ts';
import { goodEntries, json, recordingBytes, sha256, zip } from './zipBuilder.ts';

let folder: { path: string; remove(): Promise<void> };
let library: Library;
let diagnosis: StoredDiagnosis;

beforeAll(async () => {
  ({ folder, library, diagnosis } = await openDiagnosedDemo('auscult-hostile-replies-'));
}, 120_000);
afterAll(async () => {
  await library.close();
  await folder.remove();
});

const verdict = (overrides: Record<string, unknown> = {}) => expertVerdict(diagnosis, overrides);
const reply = (overrides: Record<string, unknown> = {}) => replyManifest(diagnosis, overrides);
const topCause = () => diagnosis.report.causes[0].id;

const audio = recordingBytes(4000, 3);

const only = manifestOnly;

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
              causeId: topCause() === 'looseness' ? 'misalignment' : 'looseness',
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
