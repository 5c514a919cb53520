/**
 * Helpers for hostileCases.ts: good bundles with one thing broken (the manifest, an entry, an
 * extra entry), built with the test's own zip writer.
 */
import { BundleError } from '../../../shared/bundle/refusals.ts';
import type { BundleRefusalCode } from '../../../shared/bundle/refusals.ts';
import { goodEntries, manifestFor, recordingBytes, zip } from './zipBuilder.ts';
import type { TestEntry } from './zipBuilder.ts';

export interface HostileCase {
  readonly title: string;
  readonly code: BundleRefusalCode;
  readonly bytes: () => Buffer;
}

/** The BundleError `work` rejects with; anything else (or an accepted bundle) fails the test. */
export async function refusal(work: () => Promise<unknown>): Promise<BundleError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof BundleError) return error;
    throw error;
  }
  throw new Error('the bundle was accepted');
}

export const REC = 'recordings/r1.wav';
export const rec = recordingBytes(3000, 1);
export const rec2 = recordingBytes(5000, 2);

/** A good bundle of `files` whose manifest is changed by `edit`. */
export function withManifest(
  edit: (manifest: Record<string, unknown>) => unknown,
  files: Record<string, Uint8Array> = { [REC]: rec },
): Buffer {
  return zip(goodEntries(files, edit(manifestFor(files))));
}

/** A good bundle of one recording plus `extra` entries the manifest lists as well. */
export function withEntries(
  extra: TestEntry[],
  edit: (entries: TestEntry[]) => TestEntry[] = (e) => e,
) {
  const files: Record<string, Uint8Array> = { [REC]: rec };
  for (const entry of extra) files[entry.name] = entry.data;
  const manifest = manifestFor(files);
  const entries = goodEntries({ [REC]: rec }, manifest);
  return zip(edit([...entries, ...extra]));
}

/** One recording entry changed by `change`, listed in the manifest as it is. */
export function withRecording(change: Partial<TestEntry>, name = REC): Buffer {
  return withEntries([], (entries) =>
    entries.map((entry) => (entry.name === REC ? { ...entry, name, ...change } : entry)),
  );
}

export const unsafe = (name: string): HostileCase => ({
  title: `the name ${JSON.stringify(name)}`,
  code: 'unsafe-path',
  bytes: () => withEntries([{ name, data: rec2 }]),
});

export const refusedManifest = (
  title: string,
  code: BundleRefusalCode,
  edit: (m: Record<string, unknown>) => unknown,
): HostileCase => ({ title, code, bytes: () => withManifest(edit) });

export const many = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ name: `n/${i}.txt`, data: Buffer.from('x') }));
export const zeros = Buffer.alloc(2 * 1024 * 1024);
export const unixMode = (mode: number) => (mode << 16) >>> 0;
