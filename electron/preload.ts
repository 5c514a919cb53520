/**
 * Preload (sandboxed, bundled to CommonJS): exposes the named API functions as `window.auscult`
 * through contextBridge, and nothing else.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { DESKTOP_BRIDGE_GLOBAL } from '../shared/api/httpProtocol.ts';
import { createDesktopBridge } from './bridge.ts';

contextBridge.exposeInMainWorld(
  DESKTOP_BRIDGE_GLOBAL,
  createDesktopBridge((channel, ...args) => ipcRenderer.invoke(channel, ...args)),
);
