/**
 * Signing in to the hub: name and password checked against the Argon2id hash, attempts limited
 * per account and per address, every attempt written to the audit log. A wrong name costs as
 * much as a wrong password, so the answer's timing does not tell which names exist.
 */
import type { Sql } from '../store/postgres/sql.ts';
import type { Clock } from '../store/types.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { audit, userForSignIn } from './people.ts';
import type { HubUser } from './people.ts';
import type { SignInLimiter } from './rateLimit.ts';
import { createSession } from './sessions.ts';
import type { SessionKind } from './sessions.ts';

export type SignInResult =
  | {
      readonly ok: true;
      readonly user: HubUser;
      readonly token: string;
      /** The plant a device session syncs into (null for a browser's). */
      readonly plantId: string | null;
    }
  | { readonly ok: false; readonly reason: 'invalid' }
  /** Signed in right, but the plant asked for is not one of the user's. */
  | { readonly ok: false; readonly reason: 'not-your-plant' }
  | { readonly ok: false; readonly reason: 'rate-limited'; readonly retryAfterSeconds: number };

/** A hash of no one's password, checked when the name is unknown (equal cost). */
let decoyHash: Promise<string> | null = null;

export interface SignInRequest {
  readonly name: string;
  readonly password: string;
  readonly address: string;
  readonly kind: SessionKind;
  readonly deviceName?: string;
  /** The plant a device syncs into; default the user's only plant, if they have one. */
  readonly plantId?: string;
}

/** The plant a device session syncs into, or undefined when the user may not have it. */
async function devicePlant(
  sql: Sql,
  user: HubUser,
  asked: string | undefined,
): Promise<string | null | undefined> {
  if (asked === undefined) return user.plantIds.length === 1 ? user.plantIds[0] : null;
  if (user.role !== 'admin') return user.plantIds.includes(asked) ? asked : undefined;
  const { rows } = await sql.query('SELECT 1 FROM plants WHERE id = $1', [asked]);
  return rows.length > 0 ? asked : undefined;
}

export async function signIn(
  sql: Sql,
  clock: Clock,
  limiter: SignInLimiter,
  request: SignInRequest,
): Promise<SignInResult> {
  const { name, password, address } = request;
  const wait = limiter.retryAfterSeconds(name, address, clock.now());
  if (wait > 0) {
    await audit(sql, clock, { userId: null, action: 'sign-in-limited', address, detail: { name } });
    return { ok: false, reason: 'rate-limited', retryAfterSeconds: wait };
  }
  const found = await userForSignIn(sql, name);
  decoyHash ??= hashPassword('no one has this password, it only costs time');
  const matches = await verifyPassword(password, found?.passwordHash ?? (await decoyHash));
  if (!found || !matches || found.user.disabled) {
    limiter.recordFailure(name, address, clock.now());
    await audit(sql, clock, {
      userId: found?.user.id ?? null,
      action: 'sign-in-failed',
      address,
      detail: { name },
    });
    return { ok: false, reason: 'invalid' };
  }
  limiter.recordSuccess(name);
  const plantId =
    request.kind === 'device' ? await devicePlant(sql, found.user, request.plantId) : null;
  // Checked after the password, so a plant's id tells nobody anything before they sign in.
  if (plantId === undefined) return { ok: false, reason: 'not-your-plant' };
  const token = await createSession(
    sql,
    clock,
    found.user.id,
    request.kind,
    request.deviceName,
    plantId,
  );
  await audit(sql, clock, {
    userId: found.user.id,
    action: 'signed-in',
    address,
    detail: { kind: request.kind, plantId },
  });
  return { ok: true, user: found.user, token, plantId };
}
