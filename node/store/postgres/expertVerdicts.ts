/** Experts' verdicts on diagnoses, in PostgreSQL (rows never changed; the newest counts). */
import { NotFoundError } from '../errors.ts';
import type { Clock, VerdictStore } from '../types.ts';
import {
  newExpertVerdict,
  VERDICT_COLUMNS,
  verdictFromRow,
  verdictValues,
} from '../verdictRows.ts';
import { assertRow, iso, rowVersion } from './sql.ts';
import type { Sql } from './sql.ts';

const INSERT = `INSERT INTO expert_verdicts (${VERDICT_COLUMNS.join(', ')})
  VALUES (${VERDICT_COLUMNS.map((_, index) => `$${index + 1}`).join(', ')})`;

export function postgresExpertVerdicts(sql: Sql, clock: Clock): VerdictStore {
  const select = async (where: string, id: string) => {
    const { rows } = await sql.query(
      `SELECT * FROM expert_verdicts WHERE ${where} = $1 ORDER BY created_at DESC, seq DESC`,
      [id],
    );
    return rows.map((row) => verdictFromRow(row, iso));
  };
  return {
    async insert(verdict) {
      const { rows } = await sql.query(
        'SELECT machine_id, recording_id FROM diagnoses WHERE id = $1',
        [verdict.diagnosisId],
      );
      if (rows.length === 0) throw new NotFoundError('diagnosis', verdict.diagnosisId);
      const stored = newExpertVerdict(
        verdict,
        { machineId: String(rows[0].machine_id), recordingId: String(rows[0].recording_id) },
        clock,
      );
      await sql.query(INSERT, verdictValues(stored));
      return stored;
    },
    async list(diagnosisId) {
      await assertRow(sql, 'diagnoses', 'diagnosis', diagnosisId);
      return select('diagnosis_id', diagnosisId);
    },
    async listByMachine(machineId) {
      await assertRow(sql, 'machines', 'machine', machineId);
      return select('machine_id', machineId);
    },
    version: (verdictId) => rowVersion(sql, 'expert_verdicts', 'verdict', verdictId),
  };
}
