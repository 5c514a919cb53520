/**
 * The parts of a review bundle that the library stores as its own rows, checked before anything
 * is written (the manifest's schema leaves the sender's rows loose): each diagnosis must be of
 * its recording, with a report the Review screen can read, and the baseline must parse.
 */
import type { StoredDiagnosis } from '../api/contract.ts';
import { parseBaselineSignature } from '../diagnosis/baseline/parseSignature.ts';
import type { BaselineSignature } from '../diagnosis/baseline/signature.ts';
import type { DiagnosisReport } from '../diagnosis/report.ts';
import type { BundleManifest, BundleRecording } from './manifest.ts';
import { invalid } from './manifest.ts';

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const finite = (value: unknown) => typeof value === 'number' && Number.isFinite(value);

/** The fields every screen reads from a report, present and of their types. */
function reportProblem(report: unknown): string | null {
  if (!isObject(report)) return 'the report is not an object';
  if (typeof report.anomalous !== 'boolean') return 'anomalous is not true or false';
  for (const field of ['anomalyScore', 'threshold', 'sampleRateHz', 'durationSeconds']) {
    if (!finite(report[field])) return `${field} is not a number`;
  }
  if (!Array.isArray(report.findings)) return 'findings is not a list';
  if (!Array.isArray(report.causes)) return 'causes is not a list';
  const causes = report.causes as unknown[];
  if (!causes.every((cause) => isObject(cause) && typeof cause.id === 'string')) {
    return 'a cause has no id';
  }
  return null;
}

/** A diagnosis as the bundle carries it, to be stored under its own id. */
export interface BundleDiagnosis {
  readonly id: string;
  readonly createdAt: string;
  readonly report: DiagnosisReport;
  readonly region: StoredDiagnosis['region'];
}

function checkedDiagnosis(recording: BundleRecording, index: number, raw: unknown) {
  const field = `recordings[${recording.id}].diagnoses[${index}]`;
  if (!isObject(raw)) throw invalid(field, 'not an object');
  if (typeof raw.id !== 'string' || !ID.test(raw.id)) throw invalid(`${field}.id`, 'not an id');
  if (raw.recordingId !== undefined && raw.recordingId !== recording.id) {
    throw invalid(`${field}.recordingId`, 'not the recording it is listed under');
  }
  const createdAt = typeof raw.createdAt === 'string' && ISO.test(raw.createdAt);
  if (!createdAt) throw invalid(`${field}.createdAt`, 'not an ISO 8601 time');
  const problem = reportProblem(raw.report);
  if (problem) throw invalid(`${field}.report`, problem);
  const region = raw.region;
  const regionOk =
    region === null ||
    region === undefined ||
    (isObject(region) && finite(region.startSeconds) && finite(region.endSeconds));
  if (!regionOk) throw invalid(`${field}.region`, 'not a stretch in seconds');
  return {
    id: raw.id,
    createdAt: raw.createdAt as string,
    report: raw.report as unknown as DiagnosisReport,
    region: (region ?? null) as StoredDiagnosis['region'],
  };
}

/** Each recording's diagnoses, checked; no id twice in the bundle. */
export function bundleDiagnoses(manifest: BundleManifest): Map<string, BundleDiagnosis[]> {
  const seen = new Set<string>();
  const byRecording = new Map<string, BundleDiagnosis[]>();
  for (const recording of manifest.recordings) {
    const list = recording.diagnoses.map((raw, index) => checkedDiagnosis(recording, index, raw));
    for (const diagnosis of list) {
      if (seen.has(diagnosis.id))
        throw invalid('recordings', `the diagnosis ${diagnosis.id} twice`);
      seen.add(diagnosis.id);
    }
    byRecording.set(recording.id, list);
  }
  return byRecording;
}

/** The bundle's baseline, parsed, or null. */
export function bundleBaseline(manifest: BundleManifest): BaselineSignature | null {
  if (manifest.baseline === null) return null;
  try {
    return parseBaselineSignature(manifest.baseline);
  } catch (error) {
    throw invalid('baseline', (error as Error).message);
  }
}
