/** Stored diagnoses of recordings. */
import type { StoredDiagnosis } from '../../shared/api/contract.ts';
import type { DiagnosisReport } from '../../shared/diagnosis/report.ts';
import { NotFoundError } from './errors.ts';
import { storing } from '../files/diskFull.ts';
import type { Library } from './library.ts';
import { getRecording } from './recordings.ts';
import { json, text } from './rows.ts';
import type { Row } from './rows.ts';

function toStored(row: Row): StoredDiagnosis {
  return {
    id: text(row, 'id'),
    recordingId: text(row, 'recording_id'),
    machineId: text(row, 'machine_id'),
    createdAt: text(row, 'created_at'),
    report: json<DiagnosisReport>(row, 'report'),
  };
}

/** Stores a diagnosis of a recording of `machineId`, made against `baselineId` (null: none). */
export function insertDiagnosis(
  library: Library,
  diagnosis: {
    readonly recordingId: string;
    readonly machineId: string;
    readonly baselineId: string | null;
    readonly report: DiagnosisReport;
  },
): StoredDiagnosis {
  const stored: StoredDiagnosis = {
    id: library.newId(),
    recordingId: diagnosis.recordingId,
    machineId: diagnosis.machineId,
    createdAt: library.now().toISOString(),
    report: diagnosis.report,
  };
  const reportJson = JSON.stringify(stored.report);
  storing(reportJson.length, () =>
    library.db
      .prepare(
        `INSERT INTO diagnoses (id, recording_id, machine_id, baseline_id, report, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(
        stored.id,
        stored.recordingId,
        stored.machineId,
        diagnosis.baselineId,
        reportJson,
        stored.createdAt,
      ),
  );
  return stored;
}

/** A recording's diagnoses, newest first. Throws NotFoundError for an unknown recording. */
export function listDiagnoses(library: Library, recordingId: string): StoredDiagnosis[] {
  getRecording(library, recordingId);
  return library.db
    .prepare(
      `SELECT id, recording_id, machine_id, report, created_at FROM diagnoses
       WHERE recording_id = ? ORDER BY created_at DESC, rowid DESC`,
    )
    .all(recordingId)
    .map(toStored);
}

/** One stored diagnosis. Throws NotFoundError. */
export function getDiagnosis(library: Library, diagnosisId: string): StoredDiagnosis {
  const row = library.db
    .prepare('SELECT id, recording_id, machine_id, report, created_at FROM diagnoses WHERE id = ?')
    .get(diagnosisId);
  if (!row) throw new NotFoundError('diagnosis', diagnosisId);
  return toStored(row);
}
