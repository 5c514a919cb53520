/**
 * One encoder and one decoder for the rows that travel (node/sync/columns.ts), used by the hub
 * for pushes and changes and by the desktop for its outbox and pulls, so both sides turn the
 * same row into the same SyncRow and the same digest. The encoder takes a row as either store
 * gives it (PostgreSQL: Date, jsonb values, booleans, bigint as text; SQLite: ISO text, JSON
 * text, 0/1); the decoder checks a row from the wire and normalises it (times to
 * Date.toISOString), so a stored copy and an incoming copy of the same content compare equal.
 */
import { ID_PATTERN } from '../../shared/api/limits.ts';
import { SYNC_TABLES } from '../../shared/sync/protocol.ts';
import type { SyncRow, SyncTable } from '../../shared/sync/protocol.ts';
import { SYNC_COLUMNS, syncColumnNames } from './columns.ts';
import type { ColumnSpec } from './columns.ts';

export function isSyncTable(value: unknown): value is SyncTable {
  return typeof value === 'string' && (SYNC_TABLES as readonly string[]).includes(value);
}

/** An ISO 8601 time normalised to Date.toISOString, or null when it is not one. */
export function normalTime(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (
    typeof value !== 'string' ||
    !/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d(:?\d\d)?)$/.test(value)
  ) {
    return null;
  }
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** A stored value (either store) as it travels. */
function encodeValue(spec: ColumnSpec, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (spec.type) {
    case 'integer':
    case 'real':
      return Number(value);
    case 'boolean':
      return value === true || value === 1 || value === '1';
    case 'json':
      return typeof value === 'string' ? JSON.parse(value) : value;
    case 'time':
      return normalTime(value);
    default:
      return String(value);
  }
}

/** A row read from either store (its SQL column names) as a SyncRow. */
export function encodeSyncRow(table: SyncTable, row: Readonly<Record<string, unknown>>): SyncRow {
  const columns: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(SYNC_COLUMNS[table])) {
    columns[name] = encodeValue(spec, row[name]);
  }
  return {
    table,
    id: String(row.id),
    version: Number(row.version),
    updatedAt: normalTime(row.updated_at) ?? String(row.updated_at),
    columns,
  };
}

function jsonShape(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  return value === null ? 'null' : typeof value;
}

/** Why `value` does not fit `spec`, or null; `name` is the column's. */
function valueProblem(name: string, spec: ColumnSpec, value: unknown): string | null {
  if (value === null) {
    return 'nullable' in spec && spec.nullable ? null : `${name} must not be null`;
  }
  switch (spec.type) {
    case 'text':
      if (typeof value !== 'string' || value.includes('\u0000')) return `${name} must be text`;
      if (spec.values && !spec.values.includes(value)) {
        return `${name} must be one of ${spec.values.join(', ')}`;
      }
      return value.length > (spec.maxLength ?? 10_000) ? `${name} is too long` : null;
    case 'id':
      return typeof value === 'string' && ID_PATTERN.test(value) ? null : `${name} must be an id`;
    case 'integer':
      return Number.isSafeInteger(value) && (value as number) >= 0
        ? null
        : `${name} must be a whole number of at least 0`;
    case 'real':
      return Number.isFinite(value) ? null : `${name} must be a finite number`;
    case 'boolean':
      return typeof value === 'boolean' ? null : `${name} must be true or false`;
    case 'json':
      return jsonShape(value) === spec.shape ? null : `${name} must be a JSON ${spec.shape}`;
    case 'time':
      return normalTime(value) === null ? `${name} must be an ISO 8601 time` : null;
  }
}

/**
 * A row's columns checked against its table's list: resolves to the normalised columns, or
 * the first problem in one sentence. The names must already be the table's (see columnNameProblem).
 */
export function decodeSyncColumns(
  table: SyncTable,
  columns: Readonly<Record<string, unknown>>,
): { ok: true; columns: Record<string, unknown> } | { ok: false; problem: string } {
  const decoded: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(SYNC_COLUMNS[table])) {
    const value = columns[name] === undefined ? null : columns[name];
    const problem = valueProblem(name, spec, value);
    if (problem) return { ok: false, problem: `${table}: ${problem}` };
    decoded[name] = spec.type === 'time' ? normalTime(value) : value;
  }
  return { ok: true, columns: decoded };
}

/**
 * Why a SyncRow from the wire is not even shaped like one (unknown table or column, bad id,
 * version or time), or null. Such a request is refused whole; a row that is shaped right but
 * whose values the schema refuses is one 'invalid' outcome (decodeSyncColumns).
 */
export function syncRowShapeProblem(row: unknown): string | null {
  if (typeof row !== 'object' || row === null || Array.isArray(row))
    return 'A row is not an object.';
  const { table, id, version, updatedAt, columns } = row as Record<string, unknown>;
  if (!isSyncTable(table)) return `A row names an unknown table (${String(table).slice(0, 40)}).`;
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) return `A ${table} row has no valid id.`;
  if (!Number.isSafeInteger(version) || (version as number) < 1) {
    return `The ${table} row ${id} has no valid version.`;
  }
  if (normalTime(updatedAt) === null) return `The ${table} row ${id} has no valid updatedAt.`;
  if (typeof columns !== 'object' || columns === null || Array.isArray(columns)) {
    return `The ${table} row ${id} has no columns object.`;
  }
  const known = syncColumnNames(table);
  const unknown = Object.keys(columns).find((name) => !known.includes(name));
  if (unknown !== undefined) {
    return `The ${table} row ${id} has an unknown column (${unknown.slice(0, 40)}).`;
  }
  return null;
}

/** A decoded value as a query parameter of either store. */
export function sqlValue(spec: ColumnSpec, value: unknown, store: 'postgres' | 'sqlite'): unknown {
  if (value === null || value === undefined) return null;
  if (spec.type === 'json') return JSON.stringify(value);
  if (spec.type === 'boolean' && store === 'sqlite') return value ? 1 : 0;
  return value;
}
