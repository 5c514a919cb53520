/**
 * Which host the page talks to: Electron's preload exposes the desktop bridge as
 * `window.auscult`; in a plain browser the page talks HTTP to the web host that served it.
 */
import { ApiError } from '../../shared/api/contract.ts';
import type { AuscultApi } from '../../shared/api/contract.ts';
import { apiFromCall } from '../../shared/api/methods.ts';
import { apiFromDesktopBridge, DESKTOP_BRIDGE_GLOBAL } from '../../shared/api/httpProtocol.ts';
import type { DesktopBridge } from '../../shared/api/httpProtocol.ts';
import { httpCall } from './httpApi.ts';

/** The desktop bridge when the page runs in Electron, else undefined. */
function desktopBridge(): DesktopBridge | undefined {
  return (window as unknown as Partial<Record<typeof DESKTOP_BRIDGE_GLOBAL, DesktopBridge>>)[
    DESKTOP_BRIDGE_GLOBAL
  ];
}

/**
 * On a hub, a call without a session (never signed in, or the session ended) takes the browser
 * to the hub's sign-in page, which brings it back here afterwards.
 */
function signInWhenAsked(call: ReturnType<typeof httpCall>): AuscultApi {
  return apiFromCall(async (method, args) => {
    try {
      return await call(method, args);
    } catch (error) {
      if (error instanceof ApiError && error.reason === 'sign-in-required') {
        window.location.assign('/hub/sign-in?notice=ended');
      }
      throw error;
    }
  });
}

/** The API of the host the page runs in. */
export function connectToHost(): AuscultApi {
  const bridge = desktopBridge();
  return bridge ? apiFromDesktopBridge(bridge) : signInWhenAsked(httpCall(window.location));
}
