/**
 * `auscult bundle pack | check | unpack` as a user runs them: a real library (the demo's
 * recordings and diagnoses, a fault-log note, a phone recording imported as MP3 with its original
 * kept), the command run as a process, the bundle read back by the reader and unpacked.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImportRegistry } from '../../../node/api/imports.ts';
import { openBundle } from '../../../node/bundle/reader.ts';
import { openLibrary } from '../../../node/library/library.ts';
import { addDiagnosisToFaultLog } from '../../../node/workflows/faultLog.ts';
import type { RecordingSummary } from '../../../shared/api/contract.ts';
import type { BundleManifest } from '../../../shared/bundle/manifest.ts';
import { arrayBufferOf } from '../library/libraryFixtures.ts';
import { goodEntries, manifestFor, recordingBytes, zip } from '../bundle/zipBuilder.ts';
import { auscult, expectOneLineError, removeFolder } from './cliFixture.ts';

let folder: string;
let home: string;
let review: RecordingSummary;
let phone: RecordingSummary;
let other: RecordingSummary;
let mp3: Buffer;
const run = (...args: string[]) => auscult(folder, ...args);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function seedLibrary(): Promise<void> {
  const library = await openLibrary(home);
  const imports = createImportRegistry(library);
  try {
    const [demo] = await library.store.machines.list();
    const recordings = await library.store.recordings.list(demo.id);
    review = recordings.find((r) => r.name === 'review-2.wav')!;
    const [diagnosis] = await library.store.diagnoses.list(review.id);
    await addDiagnosisToFaultLog(library, diagnosis.id, '丝杠有切屑, check before Monday', '王工');
    mp3 = await readFile(join(import.meta.dirname, '../../fixtures/codecs/faulty.mp3'));
    const importId = await imports.begin(demo.id, 'memo.mp3', mp3.length);
    await imports.append(importId, arrayBufferOf(mp3));
    phone = await imports.finish(importId);
    const { simLatheProfile } = await import('../../../shared/simulation/profiles.ts');
    const second = await library.store.machines.insert({ ...simLatheProfile, id: 'second' });
    const otherId = await imports.begin(second, 'other.mp3', mp3.length);
    await imports.append(otherId, arrayBufferOf(mp3));
    other = await imports.finish(otherId);
  } finally {
    await imports.close();
    await library.close();
  }
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'auscult-bundle-cli-'));
  home = join(folder, 'library');
  await seedLibrary();
}, 120_000);
afterAll(async () => {
  await removeFolder(folder);
});

describe('bundle pack, check and unpack', () => {
  const out = () => join(folder, 'review.auscult');

  it('packs the profile, baseline, recordings in their original format, diagnoses and notes', async () => {
    const packed = await run(
      'bundle',
      'pack',
      '--home',
      home,
      '--recording',
      review.id,
      '--recording',
      phone.id,
      '--sender',
      'Li Wei',
      '--out',
      out(),
    );
    expect(packed.stderr).toBe('');
    expect(packed.status).toBe(0);
    expect(packed.stdout).toMatch(/^Wrote .*review\.auscult: 2 recording\(s\), \d+ bytes\.\n$/);
    const opened = await openBundle(out());
    const manifest = opened.manifest as BundleManifest;
    const entries = opened.entries;
    expect(manifest.sender.name).toBe('Li Wei');
    expect(manifest.baseline).not.toBeNull();
    expect(entries.map((e) => e.name)).toEqual([
      'manifest.json',
      `recordings/${review.id}.wav`,
      `recordings/${phone.id}.mp3`,
    ]);
    const [wav, memo] = manifest.recordings;
    expect(wav.diagnoses.length).toBeGreaterThan(0);
    expect(wav.notes).toMatchObject([
      { text: '丝杠有切屑, check before Monday', recordedBy: '王工' },
    ]);
    expect(memo).toMatchObject({ format: 'mp3', sizeBytes: mp3.length, sha256: sha256(mp3) });
    expect(memo.codec).toMatchObject({ code: 'mp3' });
  });

  it('checks it: the sender, the machine, each recording with its codec, every hash', async () => {
    const checked = await run('bundle', 'check', out());
    expect(checked.status).toBe(0);
    expect(checked.stdout).toContain('by Li Wei.');
    expect(checked.stdout).toMatch(/baseline: included/);
    expect(checked.stdout).toMatch(new RegExp(`${phone.id} +"memo.mp3" +mp3, MP3 .*kbit/s`));
    expect(checked.stdout).toMatch(new RegExp(`${review.id} +"review-2.wav" +WAV`));
    expect(checked.stdout).toContain('All 3 files match');
  });

  it('unpacks it into a new folder, the original MP3 byte for byte', async () => {
    const target = join(folder, 'unpacked');
    const unpacked = await run('bundle', 'unpack', out(), '--to', target);
    expect(unpacked.status).toBe(0);
    expect((await readdir(target)).sort()).toEqual(['manifest.json', 'recordings']);
    expect(await readFile(join(target, 'recordings', `${phone.id}.mp3`))).toEqual(mp3);
    const again = await run('bundle', 'unpack', out(), '--to', target);
    expectOneLineError(again, 1, /is not empty/);
  });

  it('refuses a damaged bundle in one sentence, leaving nothing', async () => {
    const bytes = await readFile(out());
    // A byte of the last recording's data flipped: its CRC and SHA-256 no longer match.
    bytes[bytes.indexOf(Buffer.from('PK\x01\x02')) - 10] ^= 0xff;
    const damaged = join(folder, 'damaged.auscult');
    await writeFile(damaged, bytes);
    const target = join(folder, 'never');
    expectOneLineError(await run('bundle', 'unpack', damaged, '--to', target), 1, /checksum/);
    expect(await readdir(folder)).not.toContain('never');
    expectOneLineError(await run('bundle', 'check', damaged), 1, /refused .*damaged\.auscult/);
  });

  it('refuses recordings of two machines, unknown ids and a folder without a library', async () => {
    const two = await run(
      'bundle',
      'pack',
      '--home',
      home,
      '--recording',
      review.id,
      '--recording',
      other.id,
      '--out',
      join(folder, 'two.auscult'),
    );
    expectOneLineError(two, 1, /one machine/);
    const unknown = await run(
      'bundle',
      'pack',
      '--home',
      home,
      '--recording',
      'nope',
      '--out',
      join(folder, 'x.auscult'),
    );
    expectOneLineError(unknown, 1, /has no recording "nope"/);
    const empty = await run(
      'bundle',
      'pack',
      '--home',
      folder,
      '--recording',
      'x',
      '--out',
      join(folder, 'y.auscult'),
    );
    expectOneLineError(empty, 1, /no Auscult library/);
    const nowhere = await run(
      'bundle',
      'pack',
      '--home',
      home,
      '--recording',
      review.id,
      '--out',
      join(folder, 'missing', 'z.auscult'),
    );
    expectOneLineError(nowhere, 1, /cannot write .*z\.auscult/);
    expect((await readdir(folder)).filter((n) => n.endsWith('.auscult')).sort()).toEqual([
      'damaged.auscult',
      'review.auscult',
    ]);
  });

  it("prints a sender's control characters as '?', never as terminal escapes", async () => {
    const files = { 'recordings/r1.wav': recordingBytes(2000) };
    const manifest = {
      ...manifestFor(files),
      sender: { name: 'Eve\u001b[2J\u001b]0;pwned\u0007' },
    };
    const path = join(folder, 'escapes.auscult');
    await writeFile(path, zip(goodEntries(files, manifest)));
    const checked = await run('bundle', 'check', path);
    expect(checked.status).toBe(0);
    expect(checked.stdout).toContain('by Eve?[2J?]0;pwned?.');
    // eslint-disable-next-line no-control-regex
    expect(checked.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });

  it('says what is wrong with a command line', async () => {
    expectOneLineError(await run('bundle'), 2, /expected the subcommand pack, check, unpack/);
    expectOneLineError(await run('bundle', 'pack', '--out', 'x.auscult'), 2, /--recording ID/);
    expectOneLineError(await run('bundle', 'pack', '--recording', 'a'), 2, /--out/);
    expectOneLineError(await run('bundle', 'reply', '--out', 'x.auscult'), 2, /--diagnosis ID/);
    expectOneLineError(await run('bundle', 'reply', '--diagnosis', 'a', 'b'), 2, /argument "b"/);
    expectOneLineError(await run('bundle', 'reply', '--diagnosis', 'a'), 2, /--out/);
    expectOneLineError(await run('bundle', 'reply', '--recording', 'a'), 2, /--recording/);
    expectOneLineError(await run('bundle', 'unpack', 'x.auscult'), 2, /--to DIR/);
    expectOneLineError(await run('bundle', 'check'), 2, /exactly one bundle/);
    expectOneLineError(
      await run('bundle', 'check', join(folder, 'none.auscult')),
      1,
      /cannot read/,
    );
  });
});
