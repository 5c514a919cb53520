/**
 * A recording made through a calibrated microphone travels in its review bundle with its
 * calibration (manifest version 3), and the expert's library reviews it in dB SPL with the very
 * levels the technician's shows, its printed report too; a recording without one still packs as
 * version 1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBundle } from '../../../node/bundle/reader.ts';
import { ApiError } from '../../../shared/api/contract.ts';
import type {
  MachineSummary,
  RecordingSummary,
  SelectionAnalysis,
  StoredDiagnosis,
} from '../../../shared/api/contract.ts';
import type { BundleManifest } from '../../../shared/bundle/manifest.ts';
import { readPdf } from '../../helpers/pdfReader.ts';
import { libraryFiles, rowCount } from '../library/libraryFixtures.ts';
import { goodEntries, zip } from '../bundle/zipBuilder.ts';
import { openApiFixture } from './apiFixtures.ts';
import type { ApiFixture } from './apiFixtures.ts';
import { openTechnicianAndExpert, openThroughApi, packThroughApi } from './bundleTransfer.ts';
import { DEVICE, recordDemo, UMIK } from './calibratedRecording.ts';

let technician: ApiFixture;
let expert: ApiFixture;
let calibrated: RecordingSummary;
let plain: RecordingSummary;

beforeAll(async () => {
  let demo: MachineSummary;
  ({ technician, expert, demo } = await openTechnicianAndExpert());
  await technician.call('settings.setMicCalibration', DEVICE, 'umik.txt', UMIK, null);
  calibrated = await recordDemo(technician, demo.id, DEVICE);
  plain = await recordDemo(technician, demo.id);
}, 90_000);
afterAll(async () => {
  await Promise.all([technician?.close(), expert?.close()]);
});

const selection = (fixture: ApiFixture, id: string) =>
  fixture.call('review.selection', id, 0, 3) as Promise<SelectionAnalysis>;

describe('a review bundle of a calibrated recording', () => {
  let packed: { path: string; bytes: Uint8Array };

  it('carries the recording’s calibration, as version 3', async () => {
    expect(calibrated.calibration?.sensitivityDbfs).toBe(-18.8);
    packed = await packThroughApi(technician, [calibrated.id, plain.id]);
    const manifest = (await openBundle(packed.path)).manifest as BundleManifest;
    expect(manifest.version).toBe(3);
    const [withCalibration, without] = manifest.recordings;
    expect(withCalibration.calibration).toEqual(calibrated.calibration);
    expect(without).not.toHaveProperty('calibration');
  });

  it('opens in dB SPL, with the levels the sender’s library shows', async () => {
    expect(await openThroughApi(expert, packed.bytes)).toMatchObject({ created: true });
    const listed = (await expert.call(
      'recordings.list',
      calibrated.machineId,
    )) as RecordingSummary[];
    const opened = listed.find((r) => r.id === calibrated.id);
    expect(opened?.calibration).toEqual(calibrated.calibration);
    expect(listed.find((r) => r.id === plain.id)).not.toHaveProperty('calibration');
    const there = await selection(expert, calibrated.id);
    const here = await selection(technician, calibrated.id);
    expect(there.levelUnit).toBe('dB SPL');
    expect(there.spectrum).toEqual(here.spectrum);
    expect(there.baseline?.medianDb).toEqual(here.baseline?.medianDb);
    expect((await selection(expert, plain.id)).levelUnit).toBe('dBFS');
    expect(await libraryFiles(expert.library)).toMatchObject({ tmp: [] });
  }, 60_000);

  it('prints the opened recording’s report with its spectrum in dB SPL/Hz', async () => {
    for (const [id, unit] of [
      [calibrated.id, '电平（dB SPL/Hz）'],
      [plain.id, '电平（dBFS/Hz）'],
    ] as const) {
      const diagnosis = (await expert.call('diagnoses.run', id)) as StoredDiagnosis;
      const bytes = (await expert.call('reports.diagnosis', diagnosis.id, {
        language: 'zh-CN',
        paper: 'a4',
      })) as ArrayBuffer;
      const { text } = await readPdf(new Uint8Array(bytes));
      expect(text.replace(/\s+/g, '')).toContain(unit.replace(/\s+/g, ''));
    }
  }, 60_000);

  it('refuses a bundle whose calibration does not read as one, in one sentence, leaving nothing', async () => {
    const fresh = await openApiFixture();
    try {
      const { manifest } = await openBundle(packed.path);
      const [recording] = (manifest as BundleManifest).recordings;
      const broken = { ...recording.calibration, frequenciesHz: [20_000, 10] };
      const edited = { ...manifest, recordings: [{ ...recording, calibration: broken }] };
      edited.entries = edited.entries.filter((entry) => entry.path === recording.file);
      const audio = (await technician.call('recordings.audio', recording.id)) as ArrayBuffer;
      // A copy: zip's Buffer may share a pool, which arrayBufferOf would hand over whole.
      const bytes = Uint8Array.from(
        zip(goodEntries({ [recording.file]: new Uint8Array(audio) }, edited)),
      );
      const error = await openThroughApi(fresh, bytes).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).message).toMatch(/^[^\n]*recordings\.0\.calibration[^\n]*\.$/);
      expect(rowCount(fresh.library, 'recordings')).toBe(0);
      expect(rowCount(fresh.library, 'reviews')).toBe(0);
      expect(await libraryFiles(fresh.library)).toEqual({ recordings: [], tmp: [] });
    } finally {
      await fresh.close();
    }
  });

  it('packs a recording without a calibration as version 1', async () => {
    const { path } = await packThroughApi(technician, [plain.id]);
    expect((await openBundle(path)).manifest.version).toBe(1);
  });
});
