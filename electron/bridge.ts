/**
 * What the preload exposes as `window.auscult`: one named function per API method, built from
 * API_METHODS, each invoking its own `domain:verb` channel. Nothing generic: the page cannot
 * name a channel, and never sees ipcRenderer.
 */
import { API_METHODS } from '../shared/api/methods.ts';
import { ipcChannel } from '../shared/api/httpProtocol.ts';
import type { ApiEnvelope, DesktopBridge } from '../shared/api/httpProtocol.ts';

/** ipcRenderer.invoke, injected (the preload passes the real one). */
export type Invoke = (channel: string, ...args: unknown[]) => Promise<ApiEnvelope>;

/** The bridge object, frozen, with one function per API method. */
export function createDesktopBridge(invoke: Invoke): DesktopBridge {
  const bridge: Record<string, Record<string, (...args: unknown[]) => Promise<ApiEnvelope>>> = {};
  for (const method of API_METHODS) {
    const [domain, verb] = method.split('.');
    const channel = ipcChannel(method);
    bridge[domain] ??= {};
    bridge[domain][verb] = (...args: unknown[]) => invoke(channel, ...args);
  }
  for (const functions of Object.values(bridge)) Object.freeze(functions);
  return Object.freeze(bridge) as unknown as DesktopBridge;
}
