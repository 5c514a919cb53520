/**
 * What the product writes, its reader accepts: a bundle written by writeBundle opens, verifies and
 * unpacks to the same bytes; the test's own zip writer's good bundle too (so the hostile cases
 * differ from an accepted bundle only by what they break). A folder with something in it is never
 * unpacked into.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openBundle, verifyBundle } from '../../../node/bundle/reader.ts';
import { TargetFolderError, unpackBundle } from '../../../node/bundle/unpack.ts';
import { digestFile, writeBundle } from '../../../node/bundle/writer.ts';
import { parseBundleManifest } from '../../../shared/bundle/manifest.ts';
import { GOOD_CALIBRATION, withCalibration } from './hostileCalibrationCases.ts';
import { aacBundle, aacManifest, M4A_PATH, WAV_PATH } from './hostileDecodedCases.ts';
import { goodEntries, manifestFor, recordingBytes, zip } from './zipBuilder.ts';

let folder: string;
const rec1 = recordingBytes(300_000, 3);
const rec2 = recordingBytes(4_000, 4);
const files = { 'recordings/r1.wav': rec1, 'recordings/r2.wav': rec2 };

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'auscult-bundle-'));
  await writeFile(join(folder, 'r1.wav'), rec1);
  await writeFile(join(folder, 'r2.wav'), rec2);
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function written(name: string): Promise<string> {
  const manifest = parseBundleManifest(JSON.stringify(manifestFor(files)));
  const sources = await Promise.all(
    ['r1', 'r2'].map(async (id) => ({
      path: `recordings/${id}.wav`,
      sourcePath: join(folder, `${id}.wav`),
      ...(await digestFile(join(folder, `${id}.wav`))),
    })),
  );
  const out = join(folder, name);
  await writeBundle(out, manifest, sources);
  return out;
}

it('opens, verifies and unpacks what writeBundle wrote, byte for byte', async () => {
  const path = await written('good.auscult');
  expect(await readdir(folder)).toEqual(['good.auscult', 'r1.wav', 'r2.wav']);
  const bundle = await openBundle(path);
  expect(bundle.manifest.sender.name).toBe('Li Wei');
  expect(bundle.entries.map((e) => e.name)).toEqual([
    'manifest.json',
    'recordings/r1.wav',
    'recordings/r2.wav',
  ]);
  await verifyBundle(bundle);
  const target = join(folder, 'unpacked', 'here');
  await unpackBundle(bundle, target);
  expect((await readdir(target)).sort()).toEqual(['manifest.json', 'recordings']);
  expect(await readFile(join(target, 'recordings', 'r1.wav'))).toEqual(rec1);
  expect(await readFile(join(target, 'recordings', 'r2.wav'))).toEqual(rec2);
  const manifest = JSON.parse(await readFile(join(target, 'manifest.json'), 'utf8'));
  expect(manifest).toEqual(bundle.manifest);
});

it("accepts the test writer's good bundle, unpacking into an empty folder", async () => {
  const path = join(folder, 'test-writer.auscult');
  await writeFile(path, zip(goodEntries(files)));
  const target = join(folder, 'empty');
  await mkdir(target);
  await unpackBundle(await openBundle(path), target);
  expect(await readFile(join(target, 'recordings', 'r2.wav'))).toEqual(rec2);
});

it('refuses a folder with something in it and leaves it as it was', async () => {
  const path = await written('again.auscult');
  const target = join(folder, 'busy');
  await mkdir(target);
  await writeFile(join(target, 'mine.txt'), 'keep');
  await expect(unpackBundle(await openBundle(path), target)).rejects.toThrow(TargetFolderError);
  expect(await readdir(target)).toEqual(['mine.txt']);
  await expect(unpackBundle(await openBundle(path), join(target, 'mine.txt'))).rejects.toThrow(
    /is a file, not a folder/,
  );
});

it('unpacks an empty entry, and removes every folder it made when refused', async () => {
  const empty = { 'recordings/r2.wav': rec2, 'notes/empty.txt': new Uint8Array(0) };
  const path = join(folder, 'with-empty.auscult');
  await writeFile(path, zip(goodEntries(empty)));
  const target = join(folder, 'deep', 'er', 'out');
  await unpackBundle(await openBundle(path), target);
  expect(await readFile(join(target, 'notes', 'empty.txt'))).toEqual(Buffer.alloc(0));
  const lying = goodEntries(empty).map((e) =>
    e.name === 'recordings/r2.wav' ? { ...e, crc32: 7 } : e,
  );
  await writeFile(path, zip(lying));
  const refused = join(folder, 'fresh', 'out');
  await expect(unpackBundle(await openBundle(path), refused)).rejects.toThrow(/checksum/);
  expect(await readdir(folder)).not.toContain('fresh');
});

it('leaves no part file when a source changed while being written', async () => {
  const manifest = parseBundleManifest(JSON.stringify(manifestFor({ 'recordings/r2.wav': rec2 })));
  const source = join(folder, 'changing.wav');
  await writeFile(source, rec2);
  const digest = await digestFile(source);
  await writeFile(source, rec1);
  const out = join(folder, 'changed.auscult');
  await expect(
    writeBundle(out, manifest, [{ path: 'recordings/r2.wav', sourcePath: source, ...digest }]),
  ).rejects.toThrow(/changed while the bundle was written/);
  expect((await readdir(folder)).filter((name) => name.includes('changed'))).toEqual([]);
});

it('accepts a version 2 bundle carrying an AAC original with its decoded WAV', async () => {
  const aac = { [M4A_PATH]: recordingBytes(2000, 7), [WAV_PATH]: recordingBytes(9000, 8) };
  const path = join(folder, 'aac.auscult');
  await writeFile(path, aacBundle(aacManifest(aac), aac));
  const bundle = await openBundle(path);
  expect(bundle.manifest.version).toBe(2);
  const target = join(folder, 'aac-out');
  await unpackBundle(bundle, target);
  expect(await readFile(join(target, WAV_PATH))).toEqual(aac[WAV_PATH]);
  expect(await readFile(join(target, M4A_PATH))).toEqual(aac[M4A_PATH]);
});

it('accepts a version 3 bundle whose recording carries a calibration, keeping only its figures', async () => {
  const one = { 'recordings/r2.wav': rec2 };
  const manifest = withCalibration(manifestFor(one), { ...GOOD_CALIBRATION, note: 'extra' });
  const path = join(folder, 'calibrated.auscult');
  await writeFile(path, zip(goodEntries(one, manifest)));
  const bundle = await openBundle(path);
  expect(bundle.manifest.version).toBe(3);
  expect(parseBundleManifest(JSON.stringify(manifest)).recordings[0].calibration).toEqual(
    GOOD_CALIBRATION,
  );
  await verifyBundle(bundle);
});
