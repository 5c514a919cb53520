/**
 * The bundles domain through dispatch, between two libraries: pack a recording of the demo for
 * download, open it in another library by chunked upload (a read-only review, once), adopt its
 * machine; record a verdict, reply, open the reply in the first library. A refused bundle
 * answers 'bundle-refused' with its sentence in both languages and leaves no upload behind.
 */
import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/contract.ts';
import type {
  BundleDownload,
  MachineSummary,
  RecordingSummary,
  ReviewSummary,
  StoredDiagnosis,
} from '../../../shared/api/contract.ts';
import type { ApiFixture } from './apiFixtures.ts';
import { downloadedBundle, openTechnicianAndExpert, openThroughApi } from './bundleTransfer.ts';

let technician: ApiFixture;
let expert: ApiFixture;
let recording: RecordingSummary;
let diagnosis: StoredDiagnosis;

beforeAll(async () => {
  let demo: MachineSummary;
  ({ technician, expert, demo } = await openTechnicianAndExpert());
  const recordings = (await technician.call('recordings.list', demo.id)) as RecordingSummary[];
  recording = recordings.find((r) => r.name === 'review-2.wav')!;
  [diagnosis] = (await technician.call('diagnoses.list', recording.id)) as StoredDiagnosis[];
}, 60_000);
afterAll(async () => {
  await Promise.all([technician?.close(), expert?.close()]);
});

/** Opens `bytes` under `name`, in chunks of 50 kB: a bundle takes several. */
const open = (fixture: ApiFixture, name: string, bytes: Uint8Array) =>
  openThroughApi(fixture, bytes, name, 50_000);

describe('bundles through the API', () => {
  let bundle: Uint8Array;

  it('packs a recording for download, and another library opens it once as a review', async () => {
    const download = (await technician.call(
      'bundles.pack',
      [recording.id],
      ' Li Wei ',
    )) as BundleDownload;
    expect(download.fileName).toMatch(/^Demo-lathe-\d{4}-\d\d-\d\d\.auscult$/);
    bundle = (await downloadedBundle(technician, download)).bytes;
    expect(bundle.length).toBe(download.sizeBytes);
    const first = await open(expert, download.fileName, bundle);
    expect(first).toMatchObject({ kind: 'review', created: true });
    const again = await open(expert, download.fileName, bundle);
    expect(again).toMatchObject({ kind: 'review', created: false });
    const reviews = (await expert.call('bundles.reviews')) as ReviewSummary[];
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ senderName: 'Li Wei', bundleName: download.fileName });
    expect(await expert.call('machines.list')).toEqual([]);
    expect(await readdir(expert.library.stagingFolder)).toEqual([]);
  });

  it('sends a verdict back, which the first library records on its diagnosis', async () => {
    await expert.call('verdicts.record', diagnosis.id, {
      decision: 'correct',
      causeId: 'looseness',
      otherCause: '',
      componentId: null,
      severity: 'moderate',
      action: '',
      comment: '',
      expertName: 'Dr Wen',
    });
    const download = (await expert.call(
      'bundles.reply',
      [diagnosis.id],
      'Dr Wen',
    )) as BundleDownload;
    const { bytes } = await downloadedBundle(expert, download);
    const result = await open(technician, download.fileName, bytes);
    expect(result).toEqual({
      kind: 'reply',
      senderName: 'Dr Wen',
      diagnosisIds: [diagnosis.id],
      alreadyHeld: 0,
    });
    const verdicts = await technician.typed.verdicts.list(diagnosis.id);
    expect(verdicts[0]).toMatchObject({ decision: 'correct', causeId: 'looseness' });
  });

  it('adds the review machine to the own machines', async () => {
    const [review] = (await expert.call('bundles.reviews')) as ReviewSummary[];
    const machine = (await expert.call('bundles.adopt', review.machineId)) as MachineSummary;
    expect(machine.id).toBe(review.machineId);
    expect(((await expert.call('machines.list')) as MachineSummary[]).map((m) => m.id)).toEqual([
      review.machineId,
    ]);
  });

  it('refuses a damaged bundle in both languages, and cancels uploads leaving nothing', async () => {
    // The reply written for download stays there for a while; nothing else may be added.
    const before = await readdir(expert.library.stagingFolder);
    const damaged = Uint8Array.from(bundle);
    damaged[damaged.length - 30] ^= 0xff;
    const error = await open(expert, 'x.auscult', damaged.subarray(0, damaged.length - 200)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).reason).toBe('bundle-refused');
    expect((error as ApiError).params.sentenceZh).toMatch(/。$/);
    const uploadId = await expert.call('bundles.beginOpen', 'y.auscult', 10);
    await expert.call('bundles.cancelOpen', uploadId);
    expect(await readdir(expert.library.stagingFolder)).toEqual(before);
  });
});
