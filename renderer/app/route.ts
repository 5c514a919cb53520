/**
 * The page's screens as a location hash (`#/machines/abc/edit`), so reload, back and forward
 * work in the browser and in Electron without a router library.
 */
export type Screen =
  'machines' | 'record' | 'review' | 'fault-log' | 'live' | 'reviews' | 'queue' | 'admin';

export type Route =
  | { readonly screen: 'machines'; readonly view: 'list' }
  | { readonly screen: 'machines'; readonly view: 'new' }
  | { readonly screen: 'machines'; readonly view: 'detail' | 'edit'; readonly machineId: string }
  | { readonly screen: 'record' | 'review' | 'fault-log' | 'live' | 'reviews' }
  /** On a hub: the experts' queue, and the admin's screens. */
  | { readonly screen: 'queue' | 'admin' }
  | { readonly screen: 'review'; readonly recordingId: string }
  | { readonly screen: 'fault-log'; readonly entryId: string };

/** The screens every host shows; a hub adds 'queue', 'admin' and 'live' for the people they serve. */
export const SCREENS: readonly Screen[] = ['machines', 'record', 'review', 'fault-log', 'reviews'];

export const DEFAULT_ROUTE: Route = { screen: 'machines', view: 'list' };

/** Parses a location hash; anything unknown is the machine list. */
export function parseRoute(hash: string): Route {
  const parts = hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter((part) => part !== '')
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return '';
      }
    });
  const [screen, second, third] = parts;
  if (screen === 'review' && parts.length === 2 && second !== '') {
    return { screen, recordingId: second };
  }
  if (screen === 'fault-log' && parts.length === 2 && second !== '') {
    return { screen, entryId: second };
  }
  if (
    screen === 'record' ||
    screen === 'review' ||
    screen === 'fault-log' ||
    screen === 'live' ||
    screen === 'reviews'
  ) {
    return { screen };
  }
  if ((screen === 'queue' || screen === 'admin') && parts.length === 1) return { screen };
  if (screen !== 'machines' || second === undefined || second === '') return DEFAULT_ROUTE;
  if (second === 'new' && parts.length === 2) return { screen: 'machines', view: 'new' };
  if (parts.length === 2) return { screen: 'machines', view: 'detail', machineId: second };
  if (third === 'edit' && parts.length === 3) {
    return { screen: 'machines', view: 'edit', machineId: second };
  }
  return DEFAULT_ROUTE;
}

/** The hash of a route; `parseRoute(formatRoute(r))` gives `r` back. */
export function formatRoute(route: Route): string {
  if ('recordingId' in route) return `#/review/${encodeURIComponent(route.recordingId)}`;
  if ('entryId' in route) return `#/fault-log/${encodeURIComponent(route.entryId)}`;
  if (route.screen !== 'machines') return `#/${route.screen}`;
  switch (route.view) {
    case 'list':
      return '#/machines';
    case 'new':
      return '#/machines/new';
    case 'detail':
      return `#/machines/${encodeURIComponent(route.machineId)}`;
    case 'edit':
      return `#/machines/${encodeURIComponent(route.machineId)}/edit`;
  }
}
