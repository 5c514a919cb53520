/**
 * Sign-in sessions (a browser's cookie) and device tokens (a desktop app's, revocable by an
 * admin). The secret goes to the client once; the hub keeps only its SHA-256, so a copy of the
 * database signs nobody in.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Sql } from '../store/postgres/sql.ts';
import type { Clock } from '../store/types.ts';
import { toUser } from './people.ts';
import type { HubUser } from './people.ts';

/** A browser session ends after 12 hours of not being used (a shift and some). */
export const BROWSER_IDLE_SECONDS = 12 * 3600;

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export type SessionKind = 'browser' | 'device';

/** Starts a session for `userId`; resolves to its secret token (shown once, never stored). */
export async function createSession(
  sql: Sql,
  clock: Clock,
  userId: string,
  kind: SessionKind,
  deviceName = '',
  plantId: string | null = null,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const at = clock.now();
  await sql.query(
    `INSERT INTO sessions (token_sha256, user_id, kind, device_name, plant_id, created_at,
       last_seen_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6)`,
    [digest(token), userId, kind, deviceName, plantId, at],
  );
  return token;
}

/** A signed-in session: its user, and for a desktop's device token its name and plant. */
export interface HubSession {
  readonly user: HubUser;
  readonly kind: SessionKind;
  readonly deviceName: string;
  /** The plant a desktop syncs into (chosen at sign-in), or null. */
  readonly plantId: string | null;
}

/**
 * The session a token signs in, or null when it is unknown, revoked, idle too long (browser
 * sessions) or its user is disabled. A use moves the session's last-seen time.
 */
export async function sessionOf(sql: Sql, clock: Clock, token: string): Promise<HubSession | null> {
  const now = clock.now();
  const idleSince = new Date(now.getTime() - BROWSER_IDLE_SECONDS * 1000);
  const { rows } = await sql.query(
    `UPDATE sessions s SET last_seen_at = $2
     FROM users u
     WHERE s.token_sha256 = $1 AND u.id = s.user_id AND s.revoked_at IS NULL AND NOT u.disabled
       AND (s.kind = 'device' OR s.last_seen_at >= $3)
     RETURNING u.id, u.name, u.role, u.disabled, s.kind, s.device_name, s.plant_id,
       (SELECT coalesce(array_agg(p.plant_id), '{}') FROM user_plants p WHERE p.user_id = u.id)
         AS plant_ids`,
    [digest(token), now, idleSince],
  );
  if (rows.length === 0) return null;
  const row = rows[0];
  return {
    user: toUser(row),
    kind: row.kind as SessionKind,
    deviceName: String(row.device_name),
    plantId: row.plant_id === null ? null : String(row.plant_id),
  };
}

/** The user a token signs in, or null (see sessionOf). */
export async function sessionUser(sql: Sql, clock: Clock, token: string): Promise<HubUser | null> {
  return (await sessionOf(sql, clock, token))?.user ?? null;
}

/** Ends the session of `token` (sign-out); harmless when it is already over. */
export async function endSession(sql: Sql, clock: Clock, token: string): Promise<void> {
  await sql.query(
    'UPDATE sessions SET revoked_at = $2 WHERE token_sha256 = $1 AND revoked_at IS NULL',
    [digest(token), clock.now()],
  );
}

/** Revokes every device token of a user (an admin's act, e.g. a lost laptop). */
export async function revokeDevices(sql: Sql, clock: Clock, userId: string): Promise<number> {
  const { rowCount } = await sql.query(
    `UPDATE sessions SET revoked_at = $2
     WHERE user_id = $1 AND kind = 'device' AND revoked_at IS NULL`,
    [userId, clock.now()],
  );
  return rowCount ?? 0;
}
