/** The link to a hub as the library keeps it (sync_link, sync_state; migration 9). */
import type { DatabaseSync } from 'node:sqlite';
import type { HubLinkProblemCode } from '../../shared/sync/hubLink.ts';

/**
 * Why the last sync did not finish, or what it could not take; the page words it (hubLink.* in
 * the i18n catalogue).
 */
export interface SyncProblem {
  readonly code: HubLinkProblemCode;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface HubLinkRow {
  readonly hubUrl: string;
  readonly deviceToken: string;
  readonly userName: string;
  readonly plantId: string | null;
  readonly pullCursor: string | null;
  readonly lastSyncAt: string | null;
  readonly lastError: SyncProblem | null;
}

export function deviceId(db: DatabaseSync): string {
  return String(db.prepare('SELECT device_id FROM sync_state WHERE id = 1').get()?.device_id);
}

export function readLink(db: DatabaseSync): HubLinkRow | null {
  const row = db.prepare('SELECT * FROM sync_link WHERE id = 1').get();
  if (!row) return null;
  return {
    hubUrl: String(row.hub_url),
    deviceToken: String(row.device_token),
    userName: String(row.user_name),
    plantId: row.plant_id === null ? null : String(row.plant_id),
    pullCursor: row.pull_cursor === null ? null : String(row.pull_cursor),
    lastSyncAt: row.last_sync_at === null ? null : String(row.last_sync_at),
    lastError: row.last_error === null ? null : (JSON.parse(String(row.last_error)) as SyncProblem),
  };
}

/** Links the library to a hub, replacing any earlier link (whose cursor means nothing here). */
export function writeLink(
  db: DatabaseSync,
  link: Pick<HubLinkRow, 'hubUrl' | 'deviceToken' | 'userName' | 'plantId'>,
  now: Date,
): void {
  db.prepare('DELETE FROM sync_link').run();
  db.prepare(
    `INSERT INTO sync_link (id, hub_url, device_token, user_name, plant_id, linked_at)
      VALUES (1, ?, ?, ?, ?, ?)`,
  ).run(link.hubUrl, link.deviceToken, link.userName, link.plantId, now.toISOString());
}

export function removeLink(db: DatabaseSync): void {
  db.prepare('DELETE FROM sync_link').run();
}

export function saveCursor(db: DatabaseSync, cursor: string): void {
  db.prepare('UPDATE sync_link SET pull_cursor = ? WHERE id = 1').run(cursor);
}

/** A finished pass (problem null) or a failed one. */
export function saveOutcome(db: DatabaseSync, problem: SyncProblem | null, now: Date): void {
  if (problem === null) {
    db.prepare('UPDATE sync_link SET last_sync_at = ?, last_error = NULL WHERE id = 1').run(
      now.toISOString(),
    );
  } else {
    db.prepare('UPDATE sync_link SET last_error = ? WHERE id = 1').run(JSON.stringify(problem));
  }
}
