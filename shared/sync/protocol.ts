/**
 * The sync protocol between a desktop library and a hub (docs/sync.md). The desktop pushes its
 * rows through an outbox and its audio in resumable chunks; it pulls what changed on the hub
 * (experts' verdicts, fault-log status changes and notes, diagnoses made there) since a cursor.
 * Everything is idempotent: ids are made where a row is born, audio is named by recording id and
 * checked by SHA-256, and applying the same row twice changes nothing.
 *
 * Routes (all under the hub's /hub/sync/, signed in with a device token, `Authorization: Bearer`):
 * - `GET  /hub/sync/audio/{recordingId}/{part}` → AudioUploadState (where to resume).
 * - `PUT  /hub/sync/audio/{recordingId}/{part}` with headers `Content-Range: bytes a-b/total`
 *   and `X-Auscult-Sha256: <hex of the whole file>`, body the bytes a..b → AudioUploadState.
 *   A chunk that starts anywhere but at `receivedBytes` is refused (409, state in the body);
 *   the last chunk checks the whole file's SHA-256 and only then makes the audio visible.
 * - `POST /hub/sync/push` with PushRequest → PushResponse.
 * - `GET  /hub/sync/changes?since={cursor}&limit={n}` → ChangesResponse.
 * Errors use the API's error body (shared/api/errors.ts).
 */

/** The tables that travel, in the order their rows must be applied (references first). */
export const SYNC_TABLES = [
  'machines',
  'recordings',
  'baselines',
  'diagnoses',
  'fault_log',
  'fault_log_events',
  'expert_verdicts',
] as const;
export type SyncTable = (typeof SYNC_TABLES)[number];

/** The tables whose rows come down from the hub to the desktop. */
export const PULLED_TABLES: readonly SyncTable[] = [
  'diagnoses',
  'fault_log',
  'fault_log_events',
  'expert_verdicts',
];

/** A recording's audio as decoded (WAV) and, when it was imported from a phone, its original. */
export type AudioPart = 'audio' | 'original';

/** Chunks a client sends at most per request (the hub refuses larger ones with 413). */
export const MAX_SYNC_CHUNK_BYTES = 4 * 1024 * 1024;

/** Rows per push or per page of changes, at most. */
export const MAX_SYNC_ROWS = 500;

/**
 * One row as it travels: its table's columns by their SQL names (the two stores use the same
 * names), JSON columns as JSON values, booleans as booleans, times as ISO 8601 UTC strings.
 * The hub's own columns (plant, write order) never travel.
 */
export interface SyncRow {
  readonly table: SyncTable;
  readonly id: string;
  readonly version: number;
  readonly updatedAt: string;
  readonly columns: Readonly<Record<string, unknown>>;
}

export interface AudioUploadState {
  readonly recordingId: string;
  readonly part: AudioPart;
  /** Bytes the hub holds for this upload; the next chunk starts here. */
  readonly receivedBytes: number;
  /** The whole file's size, or null before the first chunk. */
  readonly totalBytes: number | null;
  /** True once the whole file arrived and its SHA-256 matched. */
  readonly complete: boolean;
  readonly sha256: string | null;
}

export interface PushRequest {
  /** The desktop's own id for itself (made once, kept in its library). */
  readonly deviceId: string;
  readonly rows: readonly SyncRow[];
}

/** Why the hub did not take a row; the desktop keeps it in its outbox and tries again later. */
export type PushRefusal =
  | 'audio-missing' // a recording whose audio (or original) has not completely arrived
  | 'reference-missing' // a row naming a row the hub does not have (push that one first)
  | 'not-your-plant' // a machine of a plant the device's user does not belong to
  | 'invalid'; // a row the hub's schema refuses (said in `message`)

export interface PushOutcome {
  readonly table: SyncTable;
  readonly id: string;
  readonly version: number;
  /** 'applied': the hub now holds this version or a later one; 'refused': see `reason`. */
  readonly result: 'applied' | 'refused';
  readonly reason?: PushRefusal;
  readonly message?: string;
}

export interface PushResponse {
  readonly outcomes: readonly PushOutcome[];
}

export interface ChangesResponse {
  readonly rows: readonly SyncRow[];
  /** Pass as `since` next time; opaque to the client. */
  readonly cursor: string;
  /** True when more rows wait after this page. */
  readonly more: boolean;
}

/**
 * Which of two copies of the same row wins: the later change, then the higher version, then
 * the larger content digest, so both sides pick the same one whatever order they see them in.
 * The loser is kept in the row's history (sync_row_history) on the side that had it. `digest` is
 * node/sync/rowDigest.ts of the columns (canonical JSON, SHA-256).
 */
export function laterCopy(
  a: { readonly updatedAt: string; readonly version: number; readonly digest: string },
  b: { readonly updatedAt: string; readonly version: number; readonly digest: string },
): 'a' | 'b' | 'same' {
  const timeA = Date.parse(a.updatedAt);
  const timeB = Date.parse(b.updatedAt);
  if (timeA !== timeB) return timeA > timeB ? 'a' : 'b';
  if (a.version !== b.version) return a.version > b.version ? 'a' : 'b';
  if (a.digest === b.digest) return 'same';
  return a.digest > b.digest ? 'a' : 'b';
}
