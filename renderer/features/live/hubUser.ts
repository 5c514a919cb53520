/**
 * Who is signed in when the page runs on a hub (GET /hub/me); null on the laptop's own host or
 * in the desktop app, where live listening is not offered (it needs the hub's signalling).
 */
import { useEffect, useState } from 'react';

export interface HubUserInfo {
  readonly name: string;
  readonly role: string;
}

let asked: Promise<HubUserInfo | null> | null = null;

async function askHub(): Promise<HubUserInfo | null> {
  if (window.location.protocol !== 'http:' && window.location.protocol !== 'https:') return null;
  try {
    const response = await fetch('/hub/me', { headers: { Accept: 'application/json' } });
    if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return null;
    const body = (await response.json()) as Partial<HubUserInfo>;
    return typeof body.name === 'string' && typeof body.role === 'string'
      ? { name: body.name, role: body.role }
      : null;
  } catch {
    return null;
  }
}

/** The hub's signed-in person (asked once per page), or null when this is no hub. */
export function useHubUser(): HubUserInfo | null {
  const [user, setUser] = useState<HubUserInfo | null>(null);
  useEffect(() => {
    let current = true;
    asked ??= askHub();
    void asked.then((found) => {
      if (current) setUser(found);
    });
    return () => {
      current = false;
    };
  }, []);
  return user;
}

/** Roles that may ask for an expert, and that may join (node/hub/roles.ts LIVE_ROLES). */
export const mayAsk = (user: HubUserInfo | null) =>
  user !== null && (user.role === 'technician' || user.role === 'admin');
export const mayJoin = (user: HubUserInfo | null) =>
  user !== null && (user.role === 'expert' || user.role === 'admin');
