/**
 * Electron main: app lifecycle, the one window, and the API bound to IPC. Thin by design
 * (docs/architecture.md): every decision that can be tested lives in a pure module next to this one,
 * and the API itself is node/api's, the same the web host serves.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openApiBackend } from '../node/web/apiBackend.ts';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME } from './appOrigin.ts';
import { installContentSecurityPolicy } from './csp.ts';
import { bindApiToIpc } from './ipcApi.ts';
import { applicationMenuTemplate } from './menu.ts';
import { installNavigationGuards } from './navigation.ts';
import { installPermissionHandlers } from './permissions.ts';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol.ts';
import { createMainWindow } from './windowOptions.ts';

// The bundle lives in dist/electron; the page in dist/renderer (also inside app.asar).
const bundleDir = import.meta.dirname;
const rendererDir = join(bundleDir, '..', 'renderer');
const preloadPath = join(bundleDir, 'preload.cjs');

let mainWindow: BrowserWindow | null = null;

function openWindow(): void {
  const window = createMainWindow(BrowserWindow, { preloadPath, devTools: !app.isPackaged });
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
  });
  mainWindow = window;
  void window.loadURL(APP_ENTRY_URL);
}

async function start(): Promise<void> {
  const backend = await openApiBackend(undefined, { mediaOrigin: APP_ORIGIN });
  app.once('will-quit', () => void backend.close());
  bindApiToIpc(ipcMain, backend.call);
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      rendererDir,
      readFile,
      recordingFile: backend.recordingFile,
      bundleFile: backend.bundleFile,
    }),
  );
  installContentSecurityPolicy(session.defaultSession);
  installPermissionHandlers(session.defaultSession);
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate(process.platform)));
  openWindow();
}

// Unpackaged (`electron dist/electron/main.js`) the name would be Electron's own.
app.setName('Auscult');
// Before `ready`: the scheme must be known as standard and secure when the first page loads.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

// One process per library: a second start focuses the first window instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('web-contents-created', (_event, contents) => installNavigationGuards(contents));
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('Auscult cannot start', (error as Error).message ?? String(error));
      app.exit(1);
    });
}
