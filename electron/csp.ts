/**
 * The page's Content-Security-Policy in the desktop app. The app:// protocol handler sends it
 * with every file; this also adds it to every other response the session sees, so no page in
 * the app runs without it. The policy itself (RENDERER_CSP) is shared with the web host.
 */
import { RENDERER_CSP } from '../shared/api/httpProtocol.ts';

export { RENDERER_CSP as DESKTOP_CSP };

type ResponseHeaders = Record<string, string[] | string>;

/** What installing the policy needs of Electron's Session. */
export interface CspSession {
  readonly webRequest: {
    onHeadersReceived(
      listener: (
        details: { responseHeaders?: ResponseHeaders },
        callback: (response: { responseHeaders: ResponseHeaders }) => void,
      ) => void,
    ): void;
  };
}

/** The response headers with the policy set, replacing any other spelling of the header. */
export function withContentSecurityPolicy(headers: ResponseHeaders = {}): ResponseHeaders {
  const kept = Object.entries(headers).filter(
    ([name]) => name.toLowerCase() !== 'content-security-policy',
  );
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [RENDERER_CSP] };
}

/** Adds the policy to every response of the session. */
export function installContentSecurityPolicy(session: CspSession): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
}
