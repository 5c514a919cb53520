/**
 * The columns of each table that travel in a SyncRow (shared/sync/protocol.ts), by their SQL
 * names, which the laptop's SQLite and the hub's PostgreSQL share. One list for both sides: the
 * hub validates pushed rows and encodes pulled ones with it (node/sync/rowCodec.ts), the desktop
 * encodes its outbox and decodes pulled rows with the same list. `id`, `updated_at` and `version`
 * travel beside the columns (SyncRow.id, .updatedAt, .version); the hub's own columns (plant_id,
 * seq, sync_seq) and a recording's original_audio_key (each side names its own audio-store key)
 * never travel.
 */
import type { SyncTable } from '../../shared/sync/protocol.ts';
import { FAULT_STATUSES } from '../../shared/faultLog/workflow.ts';
import { VERDICT_DECISIONS } from '../../shared/verdicts/expertVerdict.ts';

export type ColumnSpec =
  /** Text, optionally one of `values`; never longer than `maxLength` (default 10 000). */
  | {
      readonly type: 'text';
      readonly nullable?: boolean;
      readonly values?: readonly string[];
      readonly maxLength?: number;
    }
  /** The id of a row of `references` (ID_PATTERN). */
  | { readonly type: 'id'; readonly references: SyncTable; readonly nullable?: boolean }
  /** A whole number ≥ 0 (sizes, rates, counts). */
  | { readonly type: 'integer'; readonly nullable?: boolean }
  /** A finite number. */
  | { readonly type: 'real'; readonly nullable?: boolean }
  | { readonly type: 'boolean' }
  /** A JSON value of this shape: stored as jsonb on the hub, as text in SQLite. */
  | { readonly type: 'json'; readonly shape: 'object' | 'array'; readonly nullable?: boolean }
  /** A time: ISO 8601 UTC on the wire. */
  | { readonly type: 'time' };

export type TableColumns = Readonly<Record<string, ColumnSpec>>;

const text = (maxLength = 10_000): ColumnSpec => ({ type: 'text', maxLength });
const optionalText = (): ColumnSpec => ({ type: 'text', nullable: true, maxLength: 200 });
const oneOf = (values: readonly string[], nullable = false): ColumnSpec => ({
  type: 'text',
  values,
  nullable,
});
const ref = (references: SyncTable, nullable = false): ColumnSpec => ({
  type: 'id',
  references,
  nullable,
});
const CREATED: ColumnSpec = { type: 'time' };

export const ORIGINS = ['imported', 'recorded', 'recovered', 'demo'] as const;
export const ORIGINAL_FORMATS = ['m4a', '3gp', 'mp3', 'ogg', 'flac', 'amr', 'awb'] as const;
export const EVENT_KINDS = ['created', 'status', 'archived', 'unarchived'] as const;
export const SEVERITIES = ['slight', 'moderate', 'serious', 'extreme'] as const;

export const SYNC_COLUMNS: Readonly<Record<SyncTable, TableColumns>> = {
  machines: {
    name: text(200),
    profile: { type: 'json', shape: 'object' },
    is_demo: { type: 'boolean' },
    created_at: CREATED,
  },
  recordings: {
    machine_id: ref('machines'),
    name: text(1024),
    origin: oneOf(ORIGINS),
    sample_rate_hz: { type: 'integer' },
    channel_count: { type: 'integer' },
    duration_seconds: { type: 'real' },
    size_bytes: { type: 'integer' },
    warnings: { type: 'json', shape: 'array' },
    codec: { type: 'json', shape: 'object', nullable: true },
    original_format: oneOf(ORIGINAL_FORMATS, true),
    original_size_bytes: { type: 'integer', nullable: true },
    mic_calibration: { type: 'json', shape: 'object', nullable: true },
    created_at: CREATED,
  },
  baselines: {
    machine_id: ref('machines'),
    signature: { type: 'json', shape: 'object' },
    recording_ids: { type: 'json', shape: 'array' },
    created_at: CREATED,
  },
  diagnoses: {
    recording_id: ref('recordings'),
    machine_id: ref('machines'),
    baseline_id: ref('baselines', true),
    report: { type: 'json', shape: 'object' },
    start_seconds: { type: 'real', nullable: true },
    end_seconds: { type: 'real', nullable: true },
    created_at: CREATED,
  },
  fault_log: {
    machine_id: ref('machines'),
    diagnosis_id: ref('diagnoses', true),
    recording_id: ref('recordings', true),
    cause_id: optionalText(),
    component_id: optionalText(),
    note: text(),
    status: oneOf(FAULT_STATUSES),
    archived: { type: 'boolean' },
    recorded_by: text(200),
    follow_up_recording_id: ref('recordings', true),
    created_at: CREATED,
  },
  fault_log_events: {
    entry_id: ref('fault_log'),
    kind: oneOf(EVENT_KINDS),
    who: text(200),
    from_status: oneOf(FAULT_STATUSES, true),
    to_status: oneOf(FAULT_STATUSES),
    reason: text(),
    follow_up_recording_id: ref('recordings', true),
    created_at: CREATED,
  },
  expert_verdicts: {
    diagnosis_id: ref('diagnoses'),
    machine_id: ref('machines'),
    recording_id: ref('recordings'),
    decision: oneOf(VERDICT_DECISIONS),
    cause_id: optionalText(),
    other_cause: text(),
    automatic_cause_id: optionalText(),
    component_id: optionalText(),
    severity: oneOf(SEVERITIES, true),
    action: text(),
    comment: text(),
    expert_name: text(200),
    created_at: CREATED,
  },
};

/** The travelling column names of `table`, in a fixed order (the only names SQL is built from). */
export function syncColumnNames(table: SyncTable): readonly string[] {
  return Object.keys(SYNC_COLUMNS[table]);
}

/**
 * The audio-store key a synced recording's original file is kept under on the hub: the
 * recording's id marked as an original, as the library names originals (`<id>-original`,
 * node/workflows/placeRecording.ts). A recording id longer than 55 characters has none.
 */
export function syncOriginalKey(recordingId: string): string {
  return `${recordingId}-original`;
}
