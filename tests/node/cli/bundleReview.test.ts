/**
 * A review and its reply on the command line, between two real libraries: the technician packs
 * a bundle (a demo recording with its diagnosis and a fault-log note, a phone MP3 with its
 * original), the expert opens it as a read-only review (twice: one review), records a
 * correcting verdict and writes the reply, and the technician opens the reply and has the
 * verdict on the diagnosis. Refusals are one sentence and change nothing.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImportRegistry } from '../../../node/api/imports.ts';
import { openLibrary } from '../../../node/library/library.ts';
import { addDiagnosisToFaultLog } from '../../../node/workflows/faultLog.ts';
import { recordVerdict } from '../../../node/workflows/verdicts.ts';
import type { StoredDiagnosis } from '../../../shared/api/contract.ts';
import { arrayBufferOf } from '../library/libraryFixtures.ts';
import {
  auscult,
  emptyLibrary,
  expectOneLineError,
  removeFolder,
  reviewFolders,
} from './cliFixture.ts';

let folder: string;
let technician: string;
let expert: string;
let diagnosis: StoredDiagnosis;
let phoneId: string;
const run = (...args: string[]) => auscult(folder, ...args);
const bundlePath = () => join(folder, 'lathe.auscult');
const replyPath = () => join(folder, 'reply.auscult');

async function seedTechnician(): Promise<void> {
  const library = await openLibrary(technician);
  const imports = createImportRegistry(library);
  try {
    const [demo] = await library.store.machines.list();
    const recordings = await library.store.recordings.list(demo.id);
    const review = recordings.find((r) => r.name === 'review-2.wav')!;
    [diagnosis] = await library.store.diagnoses.list(review.id);
    await addDiagnosisToFaultLog(library, diagnosis.id, 'Chips on the lead screw', '王工');
    const mp3 = await readFile(join(import.meta.dirname, '../../fixtures/codecs/faulty.mp3'));
    const importId = await imports.begin(demo.id, 'memo.mp3', mp3.length);
    await imports.append(importId, arrayBufferOf(mp3));
    phoneId = (await imports.finish(importId)).id;
    const packed = await run(
      ...['bundle', 'pack', '--home', technician, '--recording', review.id],
      ...['--recording', phoneId, '--sender', 'Li Wei', '--out', bundlePath()],
    );
    expect(packed.status).toBe(0);
  } finally {
    await imports.close();
    await library.close();
  }
}

beforeAll(async () => {
  ({ folder, technician, expert } = await reviewFolders('auscult-bundle-review-'));
  await seedTechnician();
  await emptyLibrary(expert);
}, 120_000);
afterAll(async () => {
  await removeFolder(folder);
});

describe('bundle open and bundle reply', () => {
  it('opens a review bundle as a read-only review, once however often it is opened', async () => {
    const opened = await run('bundle', 'open', '--home', expert, bundlePath());
    expect(opened.stderr).toBe('');
    expect(opened.stdout).toMatch(/^Opened the review of ".+" from Li Wei \(2 recording\(s\)\)/);
    const again = await run('bundle', 'open', '--home', expert, bundlePath());
    expect(again.stdout).toMatch(/^Already open: the review/);
    const library = await openLibrary(expert, { demo: false });
    try {
      const reviews = await library.store.reviews.list();
      expect(reviews).toHaveLength(1);
      expect(reviews[0]).toMatchObject({ senderName: 'Li Wei', bundleName: 'lathe.auscult' });
      expect(reviews[0].notes).toMatchObject([{ text: 'Chips on the lead screw' }]);
      // Not among the expert's own machines until added.
      expect(await library.store.machines.list()).toEqual([]);
      const recordings = await library.store.recordings.list(reviews[0].machineId);
      expect(recordings.map((r) => r.id).sort()).toEqual([...reviews[0].recordingIds].sort());
      const phone = recordings.find((r) => r.id === phoneId)!;
      expect(phone.original).toMatchObject({ format: 'mp3' });
      expect(phone.codec).toMatchObject({ code: 'mp3' });
      const diagnoses = await library.store.diagnoses.list(diagnosis.recordingId);
      expect(diagnoses.map((d) => d.id)).toContain(diagnosis.id);
      expect((await library.store.machines.get(reviews[0].machineId)).baseline).not.toBeNull();
      expect(await library.store.faultLog.summaries()).toEqual([]);
      const automatic = diagnosis.report.causes[0]?.id ?? null;
      await recordVerdict(library, diagnosis.id, {
        decision: 'correct',
        causeId: automatic === 'misalignment' ? 'looseness' : 'misalignment',
        otherCause: '',
        componentId: null,
        severity: 'moderate',
        action: 'Realign the motor.',
        comment: 'The 2× line dominates.',
        expertName: 'Dr Wen',
      });
    } finally {
      await library.close();
    }
  });

  it('sends the verdict back, and the technician sees it on the diagnosis', async () => {
    const reply = await run(
      ...['bundle', 'reply', '--home', expert, '--diagnosis', diagnosis.id],
      ...['--sender', 'Dr Wen', '--out', replyPath()],
    );
    expect(reply.stderr).toBe('');
    expect(reply.stdout).toMatch(/^Wrote .*reply\.auscult: 1 verdict\(s\), \d+ bytes\.\n$/);
    const checked = await run('bundle', 'check', replyPath());
    expect(checked.stdout).toContain('Reply bundle');
    expect(checked.stdout).toContain(`on diagnosis ${diagnosis.id}: correct`);
    const applied = await run('bundle', 'open', '--home', technician, replyPath());
    expect(applied.stdout).toBe(
      'Applied the reply of Dr Wen: 1 verdict(s) recorded, 0 already held.\n',
    );
    const again = await run('bundle', 'open', '--home', technician, replyPath());
    expect(again.stdout).toContain('0 verdict(s) recorded, 1 already held');
    const library = await openLibrary(technician);
    try {
      const verdicts = await library.store.verdicts.list(diagnosis.id);
      expect(verdicts).toHaveLength(1);
      expect(verdicts[0]).toMatchObject({
        decision: 'correct',
        expertName: 'Dr Wen',
        action: 'Realign the motor.',
        machineId: diagnosis.machineId,
      });
    } finally {
      await library.close();
    }
  });

  it('refuses, in one sentence, what does not belong', async () => {
    const own = await run('bundle', 'open', '--home', technician, bundlePath());
    expectOneLineError(own, 1, /already one of this library's own machines/);
    const fresh = join(folder, 'fresh');
    await (await openLibrary(fresh, { demo: false })).close();
    const unknown = await run('bundle', 'open', '--home', fresh, replyPath());
    expectOneLineError(unknown, 1, /which this library does not hold/);
    const noVerdict = await run(
      ...['bundle', 'reply', '--home', technician, '--diagnosis', 'nope', '--out', replyPath()],
    );
    expectOneLineError(noVerdict, 1, /has no diagnosis "nope"/);
    const library = await openLibrary(fresh, { demo: false });
    try {
      expect(await library.store.reviews.list()).toEqual([]);
    } finally {
      await library.close();
    }
  });
});
