/** Baselines: a machine's current baseline is its latest. */
import type { BaselineSummary } from '../../shared/api/contract.ts';
import type { BaselineSignature } from '../../shared/diagnosis/baseline/signature.ts';
import { storing } from '../files/diskFull.ts';
import type { Library } from './library.ts';
import { json, number, text } from './rows.ts';
import type { Row } from './rows.ts';

/** Summary columns read out of the JSON, so listing never parses the ~300 kB signature. */
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

/** The machine's current baseline, or null when it has none. */
export function currentBaselineSummary(
  library: Library,
  machineId: string,
): BaselineSummary | null {
  const row = library.db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM baselines ${LATEST}`)
    .get(machineId);
  return row ? toSummary(row) : null;
}

export interface StoredBaseline {
  readonly summary: BaselineSummary;
  readonly signature: BaselineSignature;
}

/** The machine's current baseline with its signature, or null. */
export function currentBaseline(library: Library, machineId: string): StoredBaseline | null {
  const row = library.db
    .prepare(`SELECT ${SUMMARY_COLUMNS}, signature FROM baselines ${LATEST}`)
    .get(machineId);
  if (!row) return null;
  return { summary: toSummary(row), signature: json<BaselineSignature>(row, 'signature') };
}

/** Stores a new baseline for the machine; it becomes the current one. */
export function insertBaseline(
  library: Library,
  machineId: string,
  signature: BaselineSignature,
  recordingIds: readonly string[],
): BaselineSummary {
  const id = library.newId();
  const signatureJson = JSON.stringify(signature);
  storing(signatureJson.length, () =>
    library.db
      .prepare(
        `INSERT INTO baselines (id, machine_id, signature, recording_ids, created_at)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(id, machineId, signatureJson, JSON.stringify(recordingIds), library.now().toISOString()),
  );
  const row = library.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM baselines WHERE id = ?`).get(id);
  return toSummary(row as Row);
}
