import { useEffect, useState } from 'react';
import { DESKTOP_BRIDGE_GLOBAL } from '../../shared/api/httpProtocol.ts';

/** Who is signed in on a hub, as /hub/me answers. */
export interface HubMe {
  readonly name: string;
  readonly role: 'technician' | 'expert' | 'supervisor' | 'admin';
  readonly plantIds: readonly string[];
}

/**
 * The person signed in when the page was served by a hub; null on the laptop (the desktop app,
 * or the web host, which has no /hub/me) and undefined until known.
 */
export function useHubUser(): HubMe | null | undefined {
  // The desktop app is never a hub; in a browser, /hub/me tells.
  const [me, setMe] = useState<HubMe | null | undefined>(() =>
    DESKTOP_BRIDGE_GLOBAL in window ? null : undefined,
  );
  const asked = me === undefined;
  useEffect(() => {
    if (!asked) return;
    let live = true;
    fetch('/hub/me', { headers: { Accept: 'application/json' } })
      .then(async (response) => {
        const isJson = (response.headers.get('content-type') ?? '').includes('json');
        return response.ok && isJson ? ((await response.json()) as HubMe) : null;
      })
      .catch(() => null)
      .then((answer) => {
        if (live) setMe(answer);
      });
    return () => {
      live = false;
    };
  }, [asked]);
  return me;
}

/** Whether the person reviews diagnoses (their start screen is the queue). */
export const reviewsDiagnoses = (me: HubMe | null | undefined): boolean =>
  me?.role === 'expert' || me?.role === 'admin';

/** Who may ask an expert to listen live, and who may join (node/hub/roles.ts LIVE_ROLES). */
export const mayAsk = (me: HubMe | null | undefined): boolean =>
  me?.role === 'technician' || me?.role === 'admin';
export const mayJoin = reviewsDiagnoses;
