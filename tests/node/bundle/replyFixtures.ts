/**
 * What the hostile reply and review tests start from: a demo library and one of its diagnoses
 * that names a cause, and the reply manifest an expert would send about it, to spoil.
 */
import { join } from 'node:path';
import { openLibrary } from '../../../node/library/library.ts';
import type { Library } from '../../../node/library/library.ts';
import type { StoredDiagnosis } from '../../../shared/api/contract.ts';
import { temporaryFolder } from '../library/libraryFixtures.ts';
import { json, zip } from './zipBuilder.ts';

/** A demo library in a temporary folder named from `prefix`, and a diagnosis with a cause. */
export async function openDiagnosedDemo(prefix: string): Promise<{
  folder: { path: string; remove(): Promise<void> };
  library: Library;
  diagnosis: StoredDiagnosis;
}> {
  const folder = await temporaryFolder(prefix);
  const library = await openLibrary(join(folder.path, 'library'));
  const [demo] = await library.store.machines.list();
  const recordings = await library.store.recordings.list(demo.id);
  const diagnosed = [];
  for (const recording of recordings)
    diagnosed.push(...(await library.store.diagnoses.list(recording.id)));
  const diagnosis = diagnosed.find((d) => d.report.causes.length > 0)!;
  return { folder, library, diagnosis };
}

/** An expert's correction of `diagnosis`'s top cause, as a reply carries it, changed by `overrides`. */
export function expertVerdict(
  diagnosis: StoredDiagnosis,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const topCause = diagnosis.report.causes[0].id;
  return {
    id: 'v-1',
    diagnosisId: diagnosis.id,
    decision: 'correct',
    causeId: topCause === 'misalignment' ? 'looseness' : 'misalignment',
    otherCause: '',
    automaticCauseId: topCause,
    componentId: null,
    severity: 'moderate',
    action: 'Realign.',
    comment: '',
    expertName: 'Dr Wen',
    createdAt: '2026-03-03T10:00:00.000Z',
    ...overrides,
  };
}

/** A reply manifest with that one verdict, changed by `overrides`. */
export function replyManifest(
  diagnosis: StoredDiagnosis,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    format: 'auscult-bundle',
    version: 1,
    kind: 'reply',
    createdAt: '2026-03-03T10:05:00.000Z',
    sender: { name: 'Dr Wen' },
    verdicts: [expertVerdict(diagnosis)],
    entries: [],
    ...overrides,
  };
}

/** A bundle of nothing but `manifest`. */
export const manifestOnly = (manifest: unknown) =>
  zip([{ name: 'manifest.json', data: json(manifest) }]);
