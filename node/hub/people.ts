/**
 * The hub's people: plants, users with one role each and the plants they work for, and the
 * audit log of sign-ins and changes. Roles decide what a user may call (node/hub/roles.ts);
 * plants decide which machines they see. Admins see every plant.
 */
import type { Sql } from '../store/postgres/sql.ts';
import type { Clock } from '../store/types.ts';
import { hashPassword, passwordProblem } from './passwords.ts';

import { ROLES } from '../../shared/hub/admin.ts';
import type { Role } from '../../shared/hub/admin.ts';

export { ROLES };
export type { Role };

export function isRole(value: unknown): value is Role {
  return (ROLES as readonly unknown[]).includes(value);
}

export interface HubUser {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  /** The plants the user works for (every plant for an admin is implied, not listed). */
  readonly plantIds: readonly string[];
  readonly disabled: boolean;
}

/** A name a person types at sign-in: 1–100 characters, no control characters. */
export function nameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 100 || /[\p{Cc}]/u.test(trimmed)) {
    return 'the name must have 1 to 100 characters and no control characters';
  }
  return null;
}

/** The plant named `nameOrId` (by id or name), made when there is none; resolves to its id. */
export async function ensurePlant(sql: Sql, clock: Clock, nameOrId: string): Promise<string> {
  const found = await sql.query('SELECT id FROM plants WHERE id = $1 OR name = $1', [nameOrId]);
  if (found.rows.length > 0) return String(found.rows[0].id);
  const id = clock.newId();
  const at = clock.now();
  await sql.query(
    `INSERT INTO plants (id, name, created_at, updated_at) VALUES ($1, $2, $3, $3)
     ON CONFLICT (name) DO NOTHING`,
    [id, nameOrId, at],
  );
  const again = await sql.query('SELECT id FROM plants WHERE name = $1', [nameOrId]);
  return String(again.rows[0].id);
}

export class PeopleError extends Error {
  override readonly name = 'PeopleError';
}

/** Writes one line of the audit log. */
export async function audit(
  sql: Sql,
  clock: Clock,
  entry: { userId: string | null; action: string; address?: string; detail?: object },
): Promise<void> {
  await sql.query(
    'INSERT INTO audit_log (at, user_id, action, address, detail) VALUES ($1, $2, $3, $4, $5)',
    [
      clock.now(),
      entry.userId,
      entry.action,
      entry.address ?? '',
      JSON.stringify(entry.detail ?? {}),
    ],
  );
}

/**
 * Adds a user with a hashed password and the given plants (made if new). Rejects with
 * PeopleError for a taken name, a bad name or a weak password.
 */
export async function addUser(
  sql: Sql,
  clock: Clock,
  user: { name: string; role: Role; password: string; plants: readonly string[] },
  /** Who adds the user from where (an admin on the hub), for the audit log; none on the CLI. */
  by: { userId: string; address: string } | null = null,
): Promise<HubUser> {
  const problem = nameProblem(user.name) ?? passwordProblem(user.password);
  if (problem) throw new PeopleError(problem);
  const name = user.name.trim();
  const taken = await sql.query('SELECT 1 FROM users WHERE name = $1', [name]);
  if (taken.rows.length > 0) throw new PeopleError(`a user named "${name}" already exists`);
  const id = clock.newId();
  const hash = await hashPassword(user.password);
  const at = clock.now();
  await sql.query(
    `INSERT INTO users (id, name, role, password_hash, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $5)`,
    [id, name, user.role, hash, at],
  );
  const plantIds: string[] = [];
  for (const plant of user.plants) {
    const plantId = await ensurePlant(sql, clock, plant);
    await sql.query('INSERT INTO user_plants (user_id, plant_id) VALUES ($1, $2)', [id, plantId]);
    plantIds.push(plantId);
  }
  await audit(sql, clock, {
    userId: by?.userId ?? null,
    address: by?.address,
    action: 'user-added',
    detail: { id, name, role: user.role, plantIds },
  });
  return { id, name, role: user.role, plantIds, disabled: false };
}

/** The user named `name` with the hash to check a password against, or null. */
export async function userForSignIn(
  sql: Sql,
  name: string,
): Promise<{ user: HubUser; passwordHash: string } | null> {
  const { rows } = await sql.query(
    `SELECT u.id, u.name, u.role, u.password_hash, u.disabled,
       coalesce(array_agg(p.plant_id) FILTER (WHERE p.plant_id IS NOT NULL), '{}') AS plant_ids
     FROM users u LEFT JOIN user_plants p ON p.user_id = u.id
     WHERE u.name = $1 GROUP BY u.id`,
    [name.trim()],
  );
  if (rows.length === 0) return null;
  return { user: toUser(rows[0]), passwordHash: String(rows[0].password_hash) };
}

export function toUser(row: Record<string, unknown>): HubUser {
  return {
    id: String(row.id),
    name: String(row.name),
    role: row.role as Role,
    plantIds: (row.plant_ids as string[]) ?? [],
    disabled: row.disabled === true,
  };
}
