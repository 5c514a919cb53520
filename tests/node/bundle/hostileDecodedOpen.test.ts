/**
 * Opening, in a library, a bundle whose AAC recording carries its decoded WAV: the WAV and the
 * M4A have passed their hashes, but the WAV must be a WAV that agrees with its recording in the
 * manifest (rate, channels, length) and with the M4A (rate, length within three AAC frames), and
 * the M4A must be an M4A holding AAC. Each hostile bundle here is refused in one sentence and
 * leaves no row, no audio and no staging file; the good one opens.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReviewBundle } from '../../../node/bundle/openReview.ts';
import { openBundle } from '../../../node/bundle/reader.ts';
import { InputError } from '../../../node/diagnosis/inputError.ts';
import { openLibrary } from '../../../node/library/library.ts';
import type { Library } from '../../../node/library/library.ts';
import { BundleError } from '../../../shared/bundle/refusals.ts';
import { encodeWav } from '../../../shared/audio/wavEncoder.ts';
import { fixture } from '../audio/decoders/hostileFiles.ts';
import { sourceWav } from '../api/browserDecodedUpload.ts';
import { libraryFiles, rowCount } from '../library/libraryFixtures.ts';
import { aacBundle, aacManifest, M4A_PATH, WAV_PATH } from './hostileDecodedCases.ts';

let folder: string;
let library: Library;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'auscult-aac-open-'));
  library = await openLibrary(join(folder, 'library'), { demo: false });
});
afterAll(async () => {
  await library?.close();
  await rm(folder, { recursive: true, force: true });
});

const m4a = fixture('faulty.m4a');
const wav = sourceWav('faulty');

/** `wav` with a NaN in place of one sample. */
function withNaN(bytes: Uint8Array): Uint8Array {
  const copy = Uint8Array.from(bytes);
  const data = Buffer.from(copy).indexOf('data') + 8;
  new DataView(copy.buffer).setFloat32(data + 400, Number.NaN, true);
  return copy;
}

const stereo = () => {
  const channel = new Float32Array(4 * 44_100);
  return encodeWav([channel, channel], 44_100, { encoding: 'float32' });
};

type Edit = (recording: Record<string, unknown>) => Record<string, unknown>;
const codec =
  (sampleRateHz: number): Edit =>
  (r) => ({
    ...r,
    codec: { ...(r.codec as object), sampleRateHz },
  });

const cases: [
  string,
  Uint8Array,
  Uint8Array,
  Edit,
  typeof BundleError | typeof InputError,
  RegExp,
][] = [
  ['a decoded file that is the M4A', m4a, m4a, (r) => r, BundleError, /is not a WAV file/],
  [
    'a decoded file that is text',
    m4a,
    Buffer.from('not audio at all'),
    (r) => r,
    BundleError,
    /not a WAV/,
  ],
  [
    'a WAV at another rate',
    m4a,
    sourceWav('faulty', 48_000),
    (r) => r,
    BundleError,
    /48000 Hz.*does not match its recording/,
  ],
  [
    'a WAV of half the length',
    m4a,
    wav.subarray(0, 58 + 2 * 176_400),
    (r) => r,
    BundleError,
    /does not match its recording/,
  ],
  ['a stereo WAV', m4a, stereo(), (r) => r, BundleError, /2 channel\(s\)/],
  [
    'a row that lies about the length',
    m4a,
    wav,
    (r) => ({ ...r, durationSeconds: 3.5 }),
    BundleError,
    /3\.500 s/,
  ],
  [
    'a WAV and row at 48 kHz, the M4A at 44.1',
    m4a,
    sourceWav('faulty', 48_000),
    codec(48_000),
    InputError,
    /does not match the M4A file/,
  ],
  [
    'an original that is an MP3',
    fixture('faulty.mp3'),
    wav,
    (r) => r,
    InputError,
    /not an M4A file/,
  ],
  [
    'an original that is a 3GP of AMR',
    fixture('faulty.3gp'),
    wav,
    (r) => r,
    InputError,
    /AMR-NB audio, not AAC/,
  ],
  [
    'an original cut short',
    m4a.subarray(0, 3000),
    wav,
    (r) => r,
    InputError,
    /damaged|cut off|beyond/,
  ],
  [
    'a WAV holding a NaN',
    m4a,
    withNaN(wav),
    (r) => r,
    InputError,
    /cannot use recording "memo\.m4a"/,
  ],
  [
    'a WAV cut inside its header',
    m4a,
    wav.subarray(0, 30),
    (r) => r,
    InputError,
    /cannot use recording "memo\.m4a"/,
  ],
];

async function openAac(original: Uint8Array, decoded: Uint8Array, edit: Edit, name: string) {
  const files = { [M4A_PATH]: original, [WAV_PATH]: decoded };
  const path = join(folder, `${name}.auscult`);
  await writeFile(path, aacBundle(aacManifest(files, edit), files));
  return openReviewBundle(library, await openBundle(path), `${name}.auscult`);
}

describe('opening an AAC recording from its decoded WAV', () => {
  it.each(cases)(
    'refuses %s, leaving nothing',
    async (_title, original, decoded, edit, type, message) => {
      const error = await openAac(original, decoded, edit, 'hostile').then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(type);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toMatch(/\n/);
      for (const table of ['recordings', 'reviews', 'machines', 'diagnoses']) {
        expect(rowCount(library, table)).toBe(0);
      }
      expect(await libraryFiles(library)).toEqual({ recordings: [], tmp: [] });
    },
  );

  it('opens the good one, the M4A as its original and the WAV as its audio', async () => {
    const opened = await openAac(m4a, wav, (r) => r, 'good');
    expect(opened.created).toBe(true);
    const recording = await library.store.recordings.get('r1');
    expect(recording).toMatchObject({ sampleRateHz: 44_100, durationSeconds: 4 });
    expect(recording.codec).toMatchObject({ code: 'aac', sampleRateHz: 44_100, channelCount: 1 });
    expect(recording.original).toEqual({ format: 'm4a', sizeBytes: m4a.length });
  });
});
