/**
 * Moving a review bundle between two test libraries through the API, as the page does: pack for
 * download (the file the host would serve), open by chunked upload.
 */
import { readFile } from 'node:fs/promises';
import type {
  BundleDownload,
  BundleOpenResult,
  MachineSummary,
} from '../../../shared/api/contract.ts';
import { arrayBufferOf } from '../library/libraryFixtures.ts';
import { openApiFixture, openDemoApi } from './apiFixtures.ts';
import type { ApiFixture } from './apiFixtures.ts';

/**
 * The two ends of a bundle's trip: the technician's library with the demo machine, and an
 * expert's, empty.
 */
export async function openTechnicianAndExpert(): Promise<{
  technician: ApiFixture;
  expert: ApiFixture;
  demo: MachineSummary;
}> {
  const [{ api: technician, demo }, expert] = await Promise.all([
    openDemoApi(),
    openApiFixture({ demo: false }),
  ]);
  return { technician, expert, demo };
}

/** The file behind a download, through the host's lookup of its token: its path and its bytes. */
export async function downloadedBundle(
  fixture: ApiFixture,
  download: BundleDownload,
): Promise<{ path: string; bytes: Uint8Array }> {
  const token = /\/media\/bundles\/([\w-]+)\.auscult$/.exec(download.url)![1];
  const path = fixture.service.bundleDownload(token)!.path;
  // A copy: a Buffer's slice shares its memory, which arrayBufferOf would hand over whole.
  return { path, bytes: Uint8Array.from(await readFile(path)) };
}

/** The bundle of `ids` packed in `fixture`'s library: its path on disk and its bytes. */
export async function packThroughApi(
  fixture: ApiFixture,
  ids: string[],
): Promise<{ path: string; bytes: Uint8Array }> {
  const download = (await fixture.call('bundles.pack', ids, 'Li Wei')) as BundleDownload;
  return downloadedBundle(fixture, download);
}

/** Opens `bytes` in `fixture`'s library as the file `name`, uploaded in chunks of `chunkBytes`. */
export async function openThroughApi(
  fixture: ApiFixture,
  bytes: Uint8Array,
  name = 'memo.auscult',
  chunkBytes = 200_000,
): Promise<BundleOpenResult> {
  const uploadId = (await fixture.call('bundles.beginOpen', name, bytes.length)) as string;
  for (let at = 0; at < bytes.length; at += chunkBytes) {
    const chunk = arrayBufferOf(bytes.subarray(at, at + chunkBytes));
    await fixture.call('bundles.appendOpen', uploadId, chunk);
  }
  return (await fixture.call('bundles.finishOpen', uploadId)) as BundleOpenResult;
}
