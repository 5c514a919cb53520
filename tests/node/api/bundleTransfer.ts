/**
 * Moving a review bundle between two test libraries through the API, as the page does: pack for
 * download (the file the host would serve), open by chunked upload.
 */
import { readFile } from 'node:fs/promises';
import type { BundleDownload, BundleOpenResult } from '../../../shared/api/contract.ts';
import { arrayBufferOf } from '../library/libraryFixtures.ts';
import type { ApiFixture } from './apiFixtures.ts';

/** The bundle of `ids` packed in `fixture`'s library: its path on disk and its bytes. */
export async function packThroughApi(
  fixture: ApiFixture,
  ids: string[],
): Promise<{ path: string; bytes: Uint8Array }> {
  const download = (await fixture.call('bundles.pack', ids, 'Li Wei')) as BundleDownload;
  const token = /\/media\/bundles\/([\w-]+)\.auscult$/.exec(download.url)![1];
  const path = fixture.service.bundleDownload(token)!.path;
  return { path, bytes: Uint8Array.from(await readFile(path)) };
}

/** Opens `bytes` in `fixture`'s library, uploaded in chunks of 200 kB. */
export async function openThroughApi(
  fixture: ApiFixture,
  bytes: Uint8Array,
): Promise<BundleOpenResult> {
  const uploadId = (await fixture.call(
    'bundles.beginOpen',
    'memo.auscult',
    bytes.length,
  )) as string;
  for (let at = 0; at < bytes.length; at += 200_000) {
    await fixture.call(
      'bundles.appendOpen',
      uploadId,
      arrayBufferOf(bytes.subarray(at, at + 200_000)),
    );
  }
  return (await fixture.call('bundles.finishOpen', uploadId)) as BundleOpenResult;
}
