/** Experts' verdicts on diagnoses, in SQLite (rows never changed; the newest counts). */
import type { DatabaseSync } from 'node:sqlite';
import { storing } from '../../files/diskFull.ts';
import { NotFoundError } from '../errors.ts';
import type { VerdictStore } from '../types.ts';
import {
  newExpertVerdict,
  VERDICT_COLUMNS,
  verdictFromRow,
  verdictValues,
} from '../verdictRows.ts';
import { assertRow, rowVersion, text } from './rows.ts';
import type { Clock, Synchronous } from './synchronous.ts';

const INSERT = `INSERT INTO expert_verdicts (${VERDICT_COLUMNS.join(', ')})
  VALUES (${VERDICT_COLUMNS.map(() => '?').join(', ')})`;

const asText = (value: unknown) => String(value);

export function sqliteExpertVerdicts(db: DatabaseSync, clock: Clock): Synchronous<VerdictStore> {
  const select = (where: string, id: string) =>
    db
      .prepare(
        `SELECT * FROM expert_verdicts WHERE ${where} = ? ORDER BY created_at DESC, rowid DESC`,
      )
      .all(id)
      .map((row) => verdictFromRow(row, asText));
  return {
    insert(verdict) {
      const diagnosis = db
        .prepare('SELECT machine_id, recording_id FROM diagnoses WHERE id = ?')
        .get(verdict.diagnosisId);
      if (!diagnosis) throw new NotFoundError('diagnosis', verdict.diagnosisId);
      const stored = newExpertVerdict(
        verdict,
        { machineId: text(diagnosis, 'machine_id'), recordingId: text(diagnosis, 'recording_id') },
        clock,
      );
      const values = verdictValues(stored) as (string | number | null)[];
      const bytes = values.reduce<number>((sum, value) => sum + String(value).length, 0);
      storing(bytes, () => db.prepare(INSERT).run(...values));
      return stored;
    },
    list(diagnosisId) {
      assertRow(db, 'diagnoses', 'diagnosis', diagnosisId);
      return select('diagnosis_id', diagnosisId);
    },
    listByMachine(machineId) {
      assertRow(db, 'machines', 'machine', machineId);
      return select('machine_id', machineId);
    },
    version: (verdictId) => rowVersion(db, 'expert_verdicts', 'verdict', verdictId),
  };
}
