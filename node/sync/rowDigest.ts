/**
 * The content digest `laterCopy` (shared/sync/protocol.ts) breaks ties with: SHA-256 of a row's
 * columns as canonical JSON (object keys sorted at every depth), so that SQLite's text JSON and
 * PostgreSQL's jsonb, which keeps keys in its own order, give the same digest for the same row.
 */
import { createHash } from 'node:crypto';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([key, inner]) => [key, canonical(inner)]));
  }
  return value;
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value));
}

export function rowDigest(columns: Readonly<Record<string, unknown>>): string {
  return createHash('sha256').update(canonicalJson(columns)).digest('hex');
}
