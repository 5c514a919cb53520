/**
 * The page's own origin in the desktop app: `app://auscult`, a custom standard scheme served by
 * electron/protocol.ts (not file://, which would give the page access to every local file).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'auscult';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** Where the window starts. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when `url` (a full URL or a bare origin) belongs to the app's origin: scheme `app:`, host
 * `auscult`, no port and no credentials. Anything unparsable is foreign.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
