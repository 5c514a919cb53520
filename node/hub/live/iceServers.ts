/**
 * The STUN and TURN servers both pages of a live call are given (docs/live.md): read from
 * `auscult hub serve --ice-servers FILE` or the AUSCULT_ICE_SERVERS variable, both a JSON array
 * of RTCIceServer entries. An entry with `secret` (coturn's static-auth-secret) is handed out
 * with time-limited credentials of the TURN REST scheme instead of the secret itself.
 */
import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { LiveIceServer } from '../../../shared/live/protocol.ts';

export const ICE_SERVERS_ENV = 'AUSCULT_ICE_SERVERS';

/** How long time-limited TURN credentials last: a long call and some. */
export const TURN_CREDENTIAL_SECONDS = 6 * 3600;

export interface IceServerEntry {
  readonly urls: string | readonly string[];
  readonly username?: string;
  readonly credential?: string;
  /** coturn's static-auth-secret: credentials are made per person and expire. */
  readonly secret?: string;
}

const isUrls = (value: unknown): boolean =>
  (typeof value === 'string' && /^(stun|stuns|turn|turns):/.test(value)) ||
  (Array.isArray(value) && value.length > 0 && value.every((url) => isUrls(url)));

/** The entries of a JSON text; throws an Error that says what is wrong. */
export function parseIceServers(text: string): IceServerEntry[] {
  const value = JSON.parse(text) as unknown;
  if (!Array.isArray(value)) throw new Error('the ICE servers must be a JSON array');
  return value.map((entry: Record<string, unknown>, index) => {
    if (typeof entry !== 'object' || entry === null || !isUrls(entry.urls)) {
      throw new Error(`ICE server ${index + 1} needs urls starting stun:, stuns:, turn: or turns:`);
    }
    for (const key of ['username', 'credential', 'secret']) {
      if (entry[key] !== undefined && typeof entry[key] !== 'string') {
        throw new Error(`ICE server ${index + 1}: ${key} must be a string`);
      }
    }
    return entry as unknown as IceServerEntry;
  });
}

/** The configured entries: the file if given, else the variable, else none (LAN and loopback). */
export async function loadIceServers(
  path: string | null,
  env: NodeJS.ProcessEnv = process.env,
): Promise<IceServerEntry[]> {
  if (path !== null) return parseIceServers(await readFile(path, 'utf8'));
  const text = env[ICE_SERVERS_ENV];
  return text ? parseIceServers(text) : [];
}

/** The servers as one person's page gets them, with fresh credentials for secret entries. */
export function iceServersFor(
  entries: readonly IceServerEntry[],
  userId: string,
  now: Date,
): LiveIceServer[] {
  return entries.map(({ urls, username, credential, secret }) => {
    if (secret === undefined) {
      return { urls, ...(username ? { username } : {}), ...(credential ? { credential } : {}) };
    }
    const expires = Math.floor(now.getTime() / 1000) + TURN_CREDENTIAL_SECONDS;
    const name = `${expires}:${userId}`;
    return {
      urls,
      username: name,
      credential: createHmac('sha1', secret).update(name).digest('base64'),
    };
  });
}
