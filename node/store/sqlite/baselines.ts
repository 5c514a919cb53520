/** Baselines, in SQLite: a machine's current baseline is its latest. */
import type { DatabaseSync } from 'node:sqlite';
import type { BaselineSummary } from '../../../shared/api/contract.ts';
import type { BaselineSignature } from '../../../shared/diagnosis/baseline/signature.ts';
import { storing } from '../../files/diskFull.ts';
import type { BaselineStore } from '../types.ts';
import { json, number, text } from './rows.ts';
import type { Row } from './rows.ts';
import type { Clock, Synchronous } from './synchronous.ts';

/** Summary columns read out of the JSON by SQLite: JavaScript never parses the ~300 kB signature. */
const SUMMARY_COLUMNS = `id, machine_id, created_at, recording_ids,
  json_extract(signature, '$.threshold') AS threshold,
  json_extract(signature, '$.sources') AS sources`;

const LATEST = 'WHERE machine_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1';

function toSummary(row: Row): BaselineSummary {
  return {
    id: text(row, 'id'),
    machineId: text(row, 'machine_id'),
    createdAt: text(row, 'created_at'),
    threshold: number(row, 'threshold'),
    recordingIds: json<string[]>(row, 'recording_ids'),
    sources: json<BaselineSummary['sources']>(row, 'sources'),
  };
}

/** The machine's current baseline without its signature, or null (machines.get uses it too). */
export function currentBaselineSummary(
  db: DatabaseSync,
  machineId: string,
): BaselineSummary | null {
  const row = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM baselines ${LATEST}`).get(machineId);
  return row ? toSummary(row) : null;
}

export function sqliteBaselines(db: DatabaseSync, clock: Clock): Synchronous<BaselineStore> {
  return {
    currentSummary: (machineId) => currentBaselineSummary(db, machineId),
    current(machineId) {
      const row = db
        .prepare(`SELECT ${SUMMARY_COLUMNS}, signature FROM baselines ${LATEST}`)
        .get(machineId);
      if (!row) return null;
      return { summary: toSummary(row), signature: json<BaselineSignature>(row, 'signature') };
    },
    insert(machineId, signature, recordingIds) {
      const id = clock.newId();
      const at = clock.now().toISOString();
      const signatureJson = JSON.stringify(signature);
      storing(signatureJson.length, () =>
        db
          .prepare(
            `INSERT INTO baselines (id, machine_id, signature, recording_ids, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?)`,
          )
          .run(id, machineId, signatureJson, JSON.stringify(recordingIds), at, at),
      );
      const row = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM baselines WHERE id = ?`).get(id);
      return toSummary(row as Row);
    },
  };
}
