/**
 * What an admin manages on the hub: users (add, disable, their plants), plants (add, rename),
 * users' device tokens (list, revoke) and the audit log (read). Every change writes one line of
 * the audit log naming the admin and their address. No answer holds a password hash, a token or
 * a token's digest: a device is named by an id derived from its digest (deviceId below).
 */
import type { Sql } from '../store/postgres/sql.ts';
import { iso } from '../store/postgres/sql.ts';
import type { Clock } from '../store/types.ts';
import { audit, nameProblem, PeopleError, toUser } from './people.ts';
import type {
  AdminDevice,
  AdminPlant,
  AdminUser,
  AuditLine,
  AuditPage,
} from '../../shared/hub/admin.ts';

/** The admin acting, for the audit log. */
export interface Actor {
  readonly userId: string;
  readonly address: string;
}

/**
 * A device's public id: part of the SHA-256 of its token's stored digest, so the id names the
 * device without showing the digest (sessions are keyed by the digest and have no other id).
 */
const DEVICE_ID = `left(encode(sha256(convert_to('device:' || s.token_sha256, 'UTF8')), 'hex'), 32)`;

export async function listUsers(sql: Sql): Promise<AdminUser[]> {
  const { rows } = await sql.query(
    `SELECT u.id, u.name, u.role, u.disabled, u.created_at,
       coalesce(array_agg(p.plant_id ORDER BY p.plant_id) FILTER (WHERE p.plant_id IS NOT NULL),
         '{}') AS plant_ids
     FROM users u LEFT JOIN user_plants p ON p.user_id = u.id
     GROUP BY u.id ORDER BY lower(u.name), u.id`,
  );
  return rows.map((row) => ({ ...toUser(row), createdAt: iso(row.created_at) }));
}

async function requireUser(sql: Sql, userId: string): Promise<void> {
  const { rows } = await sql.query('SELECT 1 FROM users WHERE id = $1', [userId]);
  if (rows.length === 0) throw new PeopleError('there is no such user');
}

/** Rejects with PeopleError unless every id names a plant. */
export async function requirePlants(sql: Sql, plantIds: readonly string[]): Promise<void> {
  const { rows } = await sql.query('SELECT count(*)::int AS n FROM plants WHERE id = ANY($1)', [
    [...new Set(plantIds)],
  ]);
  if (rows[0].n !== new Set(plantIds).size) throw new PeopleError('there is no such plant');
}

export async function setDisabled(
  sql: Sql,
  clock: Clock,
  actor: Actor,
  userId: string,
  disabled: boolean,
): Promise<void> {
  if (userId === actor.userId) throw new PeopleError('an admin cannot disable themselves');
  await requireUser(sql, userId);
  await sql.query(
    'UPDATE users SET disabled = $1, updated_at = $2, version = version + 1 WHERE id = $3',
    [disabled, clock.now(), userId],
  );
  const action = disabled ? 'user-disabled' : 'user-enabled';
  await audit(sql, clock, {
    userId: actor.userId,
    address: actor.address,
    action,
    detail: { id: userId },
  });
}

/** Replaces the user's plants with `plantIds` (their next request sees the new ones). */
export async function setUserPlants(
  sql: Sql,
  clock: Clock,
  actor: Actor,
  userId: string,
  plantIds: readonly string[],
): Promise<void> {
  await requireUser(sql, userId);
  await requirePlants(sql, plantIds);
  await sql.query('DELETE FROM user_plants WHERE user_id = $1', [userId]);
  for (const plantId of new Set(plantIds)) {
    await sql.query('INSERT INTO user_plants (user_id, plant_id) VALUES ($1, $2)', [
      userId,
      plantId,
    ]);
  }
  await audit(sql, clock, {
    userId: actor.userId,
    address: actor.address,
    action: 'user-plants-set',
    detail: { id: userId, plantIds: [...new Set(plantIds)] },
  });
}

export async function listPlants(sql: Sql): Promise<AdminPlant[]> {
  const { rows } = await sql.query('SELECT id, name FROM plants ORDER BY lower(name), id');
  return rows.map((row) => ({ id: String(row.id), name: String(row.name) }));
}

async function plantNameFree(sql: Sql, name: string, exceptId: string | null): Promise<string> {
  const problem = nameProblem(name);
  if (problem) throw new PeopleError(problem.replace('the name', 'the plant name'));
  const trimmed = name.trim();
  const { rows } = await sql.query('SELECT id FROM plants WHERE name = $1', [trimmed]);
  if (rows.length > 0 && rows[0].id !== exceptId) {
    throw new PeopleError(`a plant named "${trimmed}" already exists`);
  }
  return trimmed;
}

export async function addPlant(
  sql: Sql,
  clock: Clock,
  actor: Actor,
  name: string,
): Promise<AdminPlant> {
  const trimmed = await plantNameFree(sql, name, null);
  const id = clock.newId();
  const at = clock.now();
  await sql.query('INSERT INTO plants (id, name, created_at, updated_at) VALUES ($1, $2, $3, $3)', [
    id,
    trimmed,
    at,
  ]);
  await audit(sql, clock, {
    ...actorFields(actor),
    action: 'plant-added',
    detail: { id, name: trimmed },
  });
  return { id, name: trimmed };
}

export async function renamePlant(
  sql: Sql,
  clock: Clock,
  actor: Actor,
  plantId: string,
  name: string,
): Promise<AdminPlant> {
  const trimmed = await plantNameFree(sql, name, plantId);
  const { rowCount } = await sql.query(
    'UPDATE plants SET name = $1, updated_at = $2, version = version + 1 WHERE id = $3',
    [trimmed, clock.now(), plantId],
  );
  if (!rowCount) throw new PeopleError('there is no such plant');
  await audit(sql, clock, {
    ...actorFields(actor),
    action: 'plant-renamed',
    detail: { id: plantId, name: trimmed },
  });
  return { id: plantId, name: trimmed };
}

const actorFields = (actor: Actor) => ({ userId: actor.userId, address: actor.address });

/** The user's device tokens, newest first, revoked ones too. */
export async function listDevices(sql: Sql, userId: string): Promise<AdminDevice[]> {
  await requireUser(sql, userId);
  const { rows } = await sql.query(
    `SELECT ${DEVICE_ID} AS id, s.device_name, s.created_at, s.last_seen_at, s.revoked_at
     FROM sessions s WHERE s.user_id = $1 AND s.kind = 'device' ORDER BY s.created_at DESC`,
    [userId],
  );
  return rows.map((row) => ({
    id: String(row.id),
    name: String(row.device_name),
    createdAt: iso(row.created_at),
    lastSeenAt: iso(row.last_seen_at),
    revoked: row.revoked_at !== null,
  }));
}

/** Revokes one device token of the user (`deviceId`), or all of them (null); resolves to how many. */
export async function revokeDevice(
  sql: Sql,
  clock: Clock,
  actor: Actor,
  userId: string,
  deviceId: string | null,
): Promise<number> {
  await requireUser(sql, userId);
  const { rowCount } = await sql.query(
    `UPDATE sessions s SET revoked_at = $2
     WHERE s.user_id = $1 AND s.kind = 'device' AND s.revoked_at IS NULL
       AND ($3::text IS NULL OR ${DEVICE_ID} = $3)`,
    [userId, clock.now(), deviceId],
  );
  const count = rowCount ?? 0;
  await audit(sql, clock, {
    ...actorFields(actor),
    action: 'devices-revoked',
    detail: { id: userId, deviceId, count },
  });
  return count;
}

/** A page of the audit log, newest first: lines before `beforeSeq` (null: the newest). */
export async function readAuditLog(
  sql: Sql,
  limit: number,
  beforeSeq: number | null,
): Promise<AuditPage> {
  const { rows } = await sql.query(
    `SELECT a.seq, a.at, u.name AS user_name, a.action, a.address, a.detail
     FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
     WHERE ($1::bigint IS NULL OR a.seq < $1) ORDER BY a.seq DESC LIMIT $2`,
    [beforeSeq, limit + 1],
  );
  const lines = rows.slice(0, limit).map((row): AuditLine => ({
    seq: Number(row.seq),
    at: iso(row.at),
    userName: row.user_name === null ? null : String(row.user_name),
    action: String(row.action),
    address: String(row.address),
    detail: row.detail as Record<string, unknown>,
  }));
  return { lines, nextBeforeSeq: rows.length > limit ? lines[lines.length - 1].seq : null };
}
