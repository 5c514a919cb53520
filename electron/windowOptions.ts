/**
 * The one window and its security settings (Electron's security checklist). The options are an
 * object literal inside `new BrowserWindow(...)` so that Electronegativity, which reads the
 * source, sees exactly what runs; the constructor is injected so a test can read them too.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

export interface MainWindowSettings {
  /** Absolute path of the bundled preload (dist/electron/preload.cjs). */
  readonly preloadPath: string;
  /** Developer tools: on in development, off in a packaged build. */
  readonly devTools: boolean;
}

/**
 * Creates the main window, hidden until its page is ready. The page is untrusted content as far
 * as the OS is concerned: sandboxed, isolated from the preload, no Node, the web's same-origin
 * rules on, no webviews, no insecure content; the remote module no longer exists in Electron.
 */
export function createMainWindow<Window>(
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => Window,
  settings: MainWindowSettings,
): Window {
  return new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 880,
    minHeight: 600,
    show: false,
    title: 'Auscult',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: settings.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Middle-click would open links in new windows (denied anyway): switch the event off.
      disableBlinkFeatures: 'Auxclick',
      devTools: settings.devTools,
    },
  });
}
