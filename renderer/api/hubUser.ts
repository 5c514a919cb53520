import { useEffect, useState } from 'react';
import { DESKTOP_BRIDGE_GLOBAL } from '../../shared/api/httpProtocol.ts';

/** Who is signed in on a hub, as /hub/me answers. */
export interface HubMe {
  readonly name: string;
  readonly role: 'technician' | 'expert' | 'supervisor' | 'admin';
  readonly plantIds: readonly string[];
  /**
   * Who answered: the hub serving this page, or a desktop linked to a hub (node/web/hubRelay.ts),
   * which offers live listening through its link but none of the hub's own screens.
   */
  readonly via?: 'hub' | 'desktop-link';
}

/**
 * The person signed in when the page was served by a hub, or linked when served by a desktop's
 * web host linked to a hub (`via: 'desktop-link'`); null on an unlinked laptop or in the desktop
 * app, and undefined until known.
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

/** Whether the page is served by a hub (its queue, admin and live screens belong there). */
export const servedByHub = (me: HubMe | null | undefined): me is HubMe =>
  me !== null && me !== undefined && me.via !== 'desktop-link';

/** Whether the page comes from a desktop linked to a hub (live calls go through its relay). */
export const viaDesktopLink = (me: HubMe | null | undefined): boolean => me?.via === 'desktop-link';

/** Whether the person reviews diagnoses on the hub (their start screen is the queue). */
export const reviewsDiagnoses = (me: HubMe | null | undefined): boolean =>
  servedByHub(me) && (me.role === 'expert' || me.role === 'admin');

/** Who may ask an expert to listen live, and who may join (node/hub/roles.ts LIVE_ROLES). */
export const mayAsk = (me: HubMe | null | undefined): boolean =>
  me?.role === 'technician' || me?.role === 'admin';
export const mayJoin = reviewsDiagnoses;
