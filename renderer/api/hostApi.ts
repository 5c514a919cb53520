/**
 * Which host the page talks to: Electron's preload exposes the desktop bridge as
 * `window.auscult`; in a plain browser the page talks HTTP to the web host that served it.
 */
import type { AuscultApi } from '../../shared/api/contract.ts';
import { apiFromDesktopBridge, DESKTOP_BRIDGE_GLOBAL } from '../../shared/api/httpProtocol.ts';
import type { DesktopBridge } from '../../shared/api/httpProtocol.ts';
import { createHttpApi } from './httpApi.ts';

/** The desktop bridge when the page runs in Electron, else undefined. */
function desktopBridge(): DesktopBridge | undefined {
  return (window as unknown as Partial<Record<typeof DESKTOP_BRIDGE_GLOBAL, DesktopBridge>>)[
    DESKTOP_BRIDGE_GLOBAL
  ];
}

/** The API of the host the page runs in. */
export function connectToHost(): AuscultApi {
  const bridge = desktopBridge();
  return bridge ? apiFromDesktopBridge(bridge) : createHttpApi(window.location);
}
